import { apiGet } from '../api.js';
import { CompleteBadge, ErrorBox, Loading, ScrollTable, useLoad } from '../components.js';
import { formatTime, PROVIDERS, percent, SEVERITIES, scanComplete } from '../format.js';
import { html } from '../html.js';
import { href, scanHref } from '../route-state.js';
import { TrendChart } from './trend-chart.js';

function CountList({ title, counts, order, link }) {
  const keys = order ?? Object.keys(counts).sort();
  const id = `count-${title.toLowerCase().replaceAll(' ', '-')}`;
  return html`
    <section class="card" aria-labelledby=${id}>
      <h3 id=${id}>${title}</h3>
      ${
        keys.length === 0
          ? html`<p class="muted">None</p>`
          : html`<dl class="counts">
            ${keys.map(
              (k) => html`<div key=${k}>
                <dt>${link ? html`<a href=${link(k)}>${k}</a>` : k}</dt>
                <dd>${counts[k] ?? 0}</dd>
              </div>`,
            )}
          </dl>`
      }
    </section>`;
}

function Targets({ targets }) {
  if (targets.length === 0) return html`<p class="muted">No target scanned yet.</p>`;
  return html`<${ScrollTable} label="Coverage per target">
    <table>
      <thead><tr><th scope="col">Target</th><th scope="col">Coverage</th><th scope="col">Last scan</th><th scope="col">At</th></tr></thead>
      <tbody>
        ${targets.map(
          (t) => html`<tr key=${t.target}>
            <th scope="row"><a href=${href('/drifts', { target: t.target, status: 'active' })}>${t.target}</a></th>
            <td>${percent(t.coverage)} <${CompleteBadge} complete=${t.complete} /></td>
            <td><a href=${scanHref(t.lastScanId)}>${t.lastScanId.slice(0, 8)}</a></td>
            <td>${formatTime(t.at)}</td>
          </tr>`,
        )}
      </tbody>
    </table>
  <//>`;
}

function Scans({ scans }) {
  if (scans.length === 0) return html`<p class="muted">No scans yet.</p>`;
  return html`<${ScrollTable} label="Last scans">
    <table>
      <thead><tr><th scope="col">Scan</th><th scope="col">Target</th><th scope="col">Status</th><th scope="col">Coverage</th>
        <th scope="col">Opened</th><th scope="col">Resolved</th><th scope="col">Started</th></tr></thead>
      <tbody>
        ${scans.map(
          (s) => html`<tr key=${s.scanId}>
            <th scope="row"><a href=${scanHref(s.scanId)}>${s.scanId.slice(0, 8)}</a></th>
            <td>${s.target}</td>
            <td>${s.status}</td>
            <td><${CompleteBadge} complete=${scanComplete(s)} /></td>
            <td>${s.opened}</td><td>${s.resolved}</td>
            <td>${formatTime(s.startedAt)}</td>
          </tr>`,
        )}
      </tbody>
    </table>
  <//>`;
}

/** Overview: counts, coverage per target, 30-day trend, last scans. */
export function Overview() {
  const { data, error, loading } = useLoad(
    () => Promise.all([apiGet('/stats'), apiGet('/scans', { limit: '10' })]),
    'overview',
  );
  if (error) return html`<h1>Overview</h1><${ErrorBox} error=${error} />`;
  if (loading || !data) return html`<h1>Overview</h1><${Loading} what="the overview" />`;
  const [stats, scans] = data;
  const active = (k, v) => href('/drifts', { status: 'active', [k]: v });
  return html`
    <h1>Overview</h1>
    <section aria-labelledby="h-open">
      <h2 id="h-open">Open drift</h2>
      <div class="cards">
        <${CountList} title="By status" counts=${stats.byStatus} order=${['active', 'acknowledged', 'resolved']}
          link=${(k) => href('/drifts', { status: k })} />
        <${CountList} title="By severity" counts=${stats.bySeverity} order=${SEVERITIES}
          link=${(k) => active('severity', k)} />
        <${CountList} title="By provider" counts=${stats.byProvider}
          order=${PROVIDERS.filter((p) => p in stats.byProvider)} link=${(k) => active('provider', k)} />
        <${CountList} title="By category" counts=${stats.byCategory} link=${(k) => active('category', k)} />
      </div>
    </section>
    <section aria-labelledby="h-targets"><h2 id="h-targets">Coverage per target</h2><${Targets} targets=${stats.targets} /></section>
    <section aria-labelledby="h-trend"><h2 id="h-trend">Last 30 days</h2><${TrendChart} trend=${stats.trend} /></section>
    <section aria-labelledby="h-scans"><h2 id="h-scans">Last scans</h2><${Scans} scans=${scans.items} /></section>`;
}
