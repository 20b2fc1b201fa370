import { html, useEffect, useState } from './html.js';
import { TokenForm } from './token-form.js';

/** Severity as a labelled badge (text, not colour alone). */
export function SeverityBadge({ severity }) {
  return html`<span class=${`badge sev-${severity}`}>${severity}</span>`;
}

/** Drift status as a badge. */
export function StatusBadge({ status }) {
  return html`<span class=${`badge status-${status}`}>${status}</span>`;
}

/** Complete / partial coverage of a scan or target. */
export function CompleteBadge({ complete }) {
  return complete
    ? html`<span class="badge ok">complete</span>`
    : html`<span class="badge warn">partial</span>`;
}

/** An error announced to assistive technology. */
export function ErrorBox({ error }) {
  if (!error) return null;
  const message = html`<p class="error" role="alert">${error.message ?? String(error)}</p>`;
  // Off loopback every read needs the token: ask for it, then load the page again with it.
  if (error.status === 401 || error.status === 403)
    return html`${message}<${TokenForm} why="This server needs the API token for reads too." onSaved=${() => location.reload()} />`;
  return message;
}

/** A polite loading line. */
export function Loading({ what }) {
  return html`<p class="loading" role="status">Loading ${what}…</p>`;
}

/** Table wrapper that scrolls sideways on narrow screens and is reachable by keyboard. */
export function ScrollTable({ label, children }) {
  return html`<div class="table-scroll" role="region" aria-label=${label} tabindex="0">${children}</div>`;
}

/**
 * Runs an async loader whenever `key` changes; returns { data, error, loading, reload }.
 * A response that arrives after the key moved on is dropped.
 */
export function useLoad(loader, key) {
  const [state, setState] = useState({ data: undefined, error: undefined, loading: true });
  const [nonce, setNonce] = useState(0);
  useEffect(() => {
    let live = true;
    setState((s) => ({ ...s, loading: true, error: undefined }));
    loader().then(
      (data) => live && setState({ data, error: undefined, loading: false }),
      (error) => live && setState({ data: undefined, error, loading: false }),
    );
    return () => {
      live = false;
    };
  }, [key, nonce]);
  return { ...state, reload: () => setNonce((n) => n + 1) };
}
