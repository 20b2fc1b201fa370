import { apiGet } from '../api.js';
import { CompleteBadge, ErrorBox, Loading, ScrollTable, useLoad } from '../components.js';
import { formatTime, percent, scanComplete } from '../format.js';
import { html, useEffect } from '../html.js';
import { href } from '../route-state.js';

function Scopes({ scan }) {
  if (scan.scopes.length === 0) return html`<p class="muted">No scope reported.</p>`;
  return html`<${ScrollTable} label="Scopes">
    <table>
      <thead><tr><th scope="col">Scope</th><th scope="col">Provider</th><th scope="col">Completeness</th>
        <th scope="col">Reason</th><th scope="col">Native types</th></tr></thead>
      <tbody>
        ${scan.scopes.map(
          (s) => html`<tr key=${s.scope}>
            <th scope="row"><a href=${href('/drifts', { scope: s.scope, target: scan.target })}>${s.scope}</a></th>
            <td>${s.provider}</td>
            <td><${CompleteBadge} complete=${s.complete && !scan.incompleteScopes.includes(s.scope)} /></td>
            <td>${s.reason ?? ''}</td>
            <td>${
              s.nativeTypes === '*'
                ? 'all'
                : html`<details><summary>${s.nativeTypes.length} types</summary>
              <ul class="plain">${s.nativeTypes.map((t) => html`<li key=${t}><code>${t}</code></li>`)}</ul></details>`
            }</td>
          </tr>`,
        )}
      </tbody>
    </table>
  <//>`;
}

/** One scan: status (polled while running), summary, per-scope completeness and errors. */
export function ScanView({ id }) {
  const { data: scan, error, reload } = useLoad(() => apiGet(`/scans/${encodeURIComponent(id)}`), id);
  const running = scan?.status === 'running';
  useEffect(() => {
    if (!running) return undefined;
    const timer = setTimeout(reload, 2000);
    return () => clearTimeout(timer);
  }, [running, scan]);
  if (error) return html`<h1>Scan</h1><${ErrorBox} error=${error} />`;
  if (!scan) return html`<h1>Scan</h1><${Loading} what="the scan" />`;
  const s = scan.summary;
  return html`
    <h1>Scan <code>${scan.scanId}</code></h1>
    <p class="badges"><span class="badge">${scan.status}</span> <${CompleteBadge} complete=${scanComplete(scan)} /></p>
    ${running ? html`<p role="status">Scan running; this page refreshes every 2 seconds.</p>` : null}
    ${scan.error ? html`<p class="error" role="alert">Scan failed: ${scan.error}</p>` : null}
    <dl class="facts">
      <div><dt>Target</dt><dd><a href=${href('/drifts', { target: scan.target })}>${scan.target}</a></dd></div>
      <div><dt>Started</dt><dd>${formatTime(scan.startedAt)}</dd></div>
      <div><dt>Finished</dt><dd>${formatTime(scan.finishedAt)}</dd></div>
      ${
        s
          ? html`<div><dt>Coverage</dt><dd>${percent(s.coverage)}</dd></div>
        <div><dt>Managed</dt><dd>${s.managed}</dd></div>
        <div><dt>Changed / missing / unmanaged</dt><dd>${s.changed} / ${s.missing} / ${s.unmanaged}</dd></div>`
          : null
      }
      <div><dt>Drift opened / resolved / changed</dt><dd>${scan.opened} / ${scan.resolved} / ${scan.changed}</dd></div>
    </dl>
    ${
      scan.incompleteScopes.length > 0
        ? html`<section aria-labelledby="h-incomplete"><h2 id="h-incomplete">Incomplete scopes</h2>
        <p>No drift in these scopes was resolved by this scan.</p>
        <ul>${scan.incompleteScopes.map((x) => html`<li key=${x}><code>${x}</code></li>`)}</ul></section>`
        : null
    }
    <section aria-labelledby="h-scopes"><h2 id="h-scopes">Scopes</h2><${Scopes} scan=${scan} /></section>`;
}
