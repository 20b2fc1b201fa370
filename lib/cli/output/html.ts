import type { Drift, DriftReport, Severity } from '../../core/model/index.ts';
import { HTML_STYLE } from './html-style.ts';
import { coveragePercent, driftName, groupBySeverity, partialScopes } from './report-view.ts';
import { displayPair, safeText } from './safe-value.ts';

const MAX_VALUE = 2000;

/** Escapes text for HTML element content and attribute values. */
export function escapeHtml(text: string): string {
  return text
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
    .replace(/'/g, '&#39;');
}

const h = (s: string) => escapeHtml(safeText(s));
const badge = (s: Severity) => `<span class="badge sev-${s}">${s}</span>`;

function changeList(d: Drift): string {
  if (d.changes.length === 0) return '';
  const items = d.changes.map((c) => {
    const [desired, actual] = displayPair(c, MAX_VALUE);
    return `<li><code>${h(c.path)}</code>: <code>${escapeHtml(desired)}</code> → <code>${escapeHtml(actual)}</code></li>`;
  });
  return `<details><summary>${d.changes.length} change${d.changes.length === 1 ? '' : 's'}</summary><ul class="changes">${items.join('')}</ul></details>`;
}

function driftRow(d: Drift): string {
  const id = d.address && d.address !== d.id ? `<br><span class="muted">${h(d.id)}</span>` : '';
  return `<tr><td>${badge(d.severity)}</td><td>${d.kind}</td><td><code>${h(d.type)}</code></td><td><code>${h(driftName(d))}</code>${id}</td><td>${h(d.category)}</td><td>${changeList(d)}</td></tr>`;
}

const MAX_NOT_CHECKED = 1000;

function notChecked(report: DriftReport): string {
  const n = report.notChecked.length;
  if (n === 0) return '0';
  const items = report.notChecked
    .slice(0, MAX_NOT_CHECKED)
    .map((x) => `<li><code>${h(x.address)}</code>: ${h(x.reason)}</li>`);
  const more = n > MAX_NOT_CHECKED ? `<li>… and ${n - MAX_NOT_CHECKED} more</li>` : '';
  return `<details><summary>${n}</summary><ul>${items.join('')}${more}</ul></details>`;
}

function summaryTable(report: DriftReport): string {
  const s = report.summary;
  const partial = partialScopes(report);
  const rows: Array<[string, string]> = [
    ['Managed', String(s.managed)],
    ['Changed', String(s.changed)],
    ['Missing', String(s.missing)],
    ['Unmanaged', String(s.unmanaged)],
    ['Coverage', coveragePercent(s.coverage)],
    ['Scan', s.complete ? 'complete' : `partial: ${partial.map(h).join(', ')}`],
    [
      'Scopes covered',
      report.scopes
        .filter((x) => x.complete)
        .map((x) => h(x.scope))
        .join(', ') || '—',
    ],
    ['Not checked', notChecked(report)],
    ['Existence only', report.existenceOnly.map((t) => `<code>${h(t)}</code>`).join(', ') || '—'],
    ['Ignored by rules', String(report.ignored)],
  ];
  return `<table class="summary">${rows.map(([k, v]) => `<tr><td>${k}</td><td>${v}</td></tr>`).join('')}</table>`;
}

/** One self-contained HTML page: inline CSS, no scripts, no external requests. */
export function renderHtml(report: DriftReport): string {
  const groups = groupBySeverity(report.drifts);
  const nav = groups.map((g) => `<a href="#${g.severity}">${badge(g.severity)} ${g.drifts.length}</a>`);
  const sections = groups.map(
    (g) =>
      `<section class="drifts" id="${g.severity}"><h2>${badge(g.severity)} ${g.severity} (${g.drifts.length})</h2>` +
      `<table><thead><tr><th>Severity</th><th>Kind</th><th>Type</th><th>Resource</th><th>Category</th><th>Changes</th></tr></thead>` +
      `<tbody>${g.drifts.map(driftRow).join('\n')}</tbody></table></section>`,
  );
  const n = report.drifts.length;
  return [
    '<!doctype html>',
    '<html lang="en"><head><meta charset="utf-8">',
    `<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'">`,
    '<meta name="viewport" content="width=device-width, initial-scale=1">',
    '<title>driftwatch report</title>',
    `<style>${HTML_STYLE}</style></head><body>`,
    `<h1>driftwatch: ${n === 0 ? 'no drift found' : `${n} drift${n === 1 ? '' : 's'} found`}</h1>`,
    `<p class="muted">Generated ${h(report.generatedAt)}</p>`,
    summaryTable(report),
    n ? `<nav><a href="#">all</a>${nav.join('')}</nav>` : '',
    ...sections,
    '</body></html>',
    '',
  ].join('\n');
}
