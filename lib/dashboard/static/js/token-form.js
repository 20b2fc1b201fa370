import { setToken } from './api.js';
import { html } from './html.js';

/** Asks for the bearer token `driftwatch serve` printed (pages served off loopback carry none). */
export function TokenForm({ onSaved, why }) {
  const submit = (e) => {
    e.preventDefault();
    setToken(String(new FormData(e.currentTarget).get('token') ?? ''));
    onSaved();
  };
  return html`<form class="token-form" onSubmit=${submit}>
    <p>${why} It is the bearer token <code>driftwatch serve</code> printed at start; it is kept for this browser session only.</p>
    <div class="field"><label for="api-token">API token</label>
      <input id="api-token" name="token" type="password" required autocomplete="off" /></div>
    <button type="submit">Use token</button>
  </form>`;
}
