import { apiGet, apiPost, hasToken } from '../api.js';
import { ErrorBox } from '../components.js';
import { formatTime } from '../format.js';
import { html, useEffect, useState } from '../html.js';
import { TokenForm } from '../token-form.js';

/** `/approvals/{id}` with the id percent-encoded. */
const approvalPath = (id) => `/approvals/${encodeURIComponent(id)}`;

function PendingApproval({ a, onDone }) {
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState(undefined);
  const [comment, setComment] = useState('');
  const decide = (decision) => {
    setBusy(true);
    setError(undefined);
    const body = comment.trim() ? { decision, comment: comment.trim() } : { decision };
    apiPost(approvalPath(a.id), body).then(
      (decided) => {
        setBusy(false);
        onDone(decided);
      },
      (err) => {
        setBusy(false);
        setError(err);
      },
    );
  };
  const fieldId = `approval-comment-${a.id}`;
  return html`<div class="ack approval" data-approval=${a.id}>
    <p><strong>${a.executor}</strong>${a.dryRun ? ' (dry run)' : ''} waits for approval until ${formatTime(a.expiresAt)}.</p>
    <p class="event-reason">${a.summary}</p>
    <div class="field"><label for=${fieldId}>Comment (optional)</label>
      <input id=${fieldId} type="text" maxlength="2000" value=${comment} onInput=${(e) => setComment(e.currentTarget.value)} /></div>
    <${ErrorBox} error=${error} />
    <p class="actions">
      <button type="button" class="approve" disabled=${busy} onClick=${() => decide('approve')}>Approve remediation</button>
      <button type="button" class="button secondary reject" disabled=${busy} onClick=${() => decide('reject')}>Reject remediation</button>
    </p>
  </div>`;
}

/**
 * Approve / reject buttons for the drift's pending remediation approvals. Renders nothing when
 * none is pending, or when the server has no approvals (503 not_configured, 404).
 */
export function ApprovalPanel({ drift, version, onDone }) {
  const [state, setState] = useState({ items: [] });
  const [, setTokenKnown] = useState(hasToken());
  useEffect(() => {
    let live = true;
    apiGet('/approvals', { status: 'pending', driftId: drift.id }).then(
      (res) => live && setState({ items: res.items }),
      (error) =>
        live &&
        setState({ items: [], error: error.status === 503 || error.status === 404 ? undefined : error }),
    );
    return () => {
      live = false;
    };
  }, [drift.id, version]);
  if (state.error) return html`<${ErrorBox} error=${state.error} />`;
  if (state.items.length === 0) return null;
  return html`<section aria-labelledby="h-approval"><h2 id="h-approval">Remediation approval</h2>
    ${
      hasToken()
        ? state.items.map((a) => html`<${PendingApproval} key=${a.id} a=${a} onDone=${onDone} />`)
        : html`<${TokenForm} why="Deciding a remediation needs the API token." onSaved=${() => setTokenKnown(true)} />`
    }
  </section>`;
}
