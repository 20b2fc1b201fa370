import { apiPost, driftPath, hasToken } from '../api.js';
import { ErrorBox } from '../components.js';
import { formatTime } from '../format.js';
import { html, useState } from '../html.js';
import { TokenForm } from '../token-form.js';

/** Acknowledge (reason + optional expiry) or withdraw an acknowledgement; calls onDone with the new record. */
export function AcknowledgeForm({ drift, onDone }) {
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState(undefined);
  const [, setTokenKnown] = useState(hasToken());
  if (!hasToken())
    return html`<${TokenForm} why="Changing a drift needs the API token." onSaved=${() => setTokenKnown(true)} />`;

  const run = (promise) => {
    setBusy(true);
    setError(undefined);
    promise.then(
      (record) => {
        setBusy(false);
        onDone(record);
      },
      (err) => {
        setBusy(false);
        setError(err);
      },
    );
  };
  if (drift.status === 'acknowledged') {
    const ack = drift.acknowledgement;
    return html`<div class="ack">
      ${ack ? html`<p>Acknowledged by ${ack.by} at ${formatTime(ack.at)}${ack.expiresAt ? `, until ${formatTime(ack.expiresAt)}` : ''}: ${ack.reason}</p>` : null}
      <${ErrorBox} error=${error} />
      <button type="button" disabled=${busy} onClick=${() => run(apiPost(driftPath(drift.id, '/unacknowledge')))}>
        Withdraw acknowledgement
      </button>
    </div>`;
  }
  if (drift.status !== 'active') return html`<p class="muted">Only active drift can be acknowledged.</p>`;
  const submit = (e) => {
    e.preventDefault();
    const data = new FormData(e.currentTarget);
    const reason = String(data.get('reason') ?? '').trim();
    const expires = String(data.get('expiresAt') ?? '');
    const body = { reason };
    // datetime-local is the reader's local time; the API wants an instant.
    if (expires) body.expiresAt = new Date(expires).toISOString();
    run(apiPost(driftPath(drift.id, '/acknowledge'), body));
  };
  return html`<form class="ack" onSubmit=${submit} aria-describedby="ack-help">
    <p id="ack-help">An acknowledged drift leaves the active list until the expiry (if any).</p>
    <div class="field"><label for="ack-reason">Reason</label>
      <textarea id="ack-reason" name="reason" required maxlength="2000" rows="3"></textarea></div>
    <div class="field"><label for="ack-expires">Expires (optional, your local time)</label>
      <input id="ack-expires" name="expiresAt" type="datetime-local" /></div>
    <${ErrorBox} error=${error} />
    <button type="submit" disabled=${busy}>${busy ? 'Acknowledging…' : 'Acknowledge'}</button>
  </form>`;
}
