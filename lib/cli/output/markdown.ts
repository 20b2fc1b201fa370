import type { Drift, DriftReport, Severity } from '../../core/model/index.ts';
import { coveragePercent, driftName, groupBySeverity, partialScopes } from './report-view.ts';
import { displayPair, safeText } from './safe-value.ts';

/** GitHub rejects comments over 65,536 characters; stay clear of it with room for the note. */
export const MARKDOWN_LIMIT = 65_000;
const MAX_VALUE = 300;
const ICON: Record<Severity, string> = { critical: '🔴', high: '🟠', medium: '🟡', low: '🔵' };

/** Inline code safe inside a GFM table cell: `|` escaped, backtick fences widened as needed. */
export function mdCode(text: string): string {
  const s = text.replace(/\|/g, '\\|');
  const runs = s.match(/`+/g) ?? [];
  const fence = '`'.repeat(Math.max(0, ...runs.map((r) => r.length)) + 1);
  const pad = s.startsWith('`') || s.endsWith('`') || s === '' ? ' ' : '';
  return `${fence}${pad}${s}${pad}${fence}`;
}

/** Plain text safe in a cell or heading: HTML and table syntax neutralised. */
function mdText(text: string): string {
  return safeText(text)
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/\|/g, '\\|')
    .replace(/([\\`*_[\]])/g, '\\$1');
}

function htmlText(text: string): string {
  return safeText(text).replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

function summary(report: DriftReport): string[] {
  const s = report.summary;
  const lines = [
    '| Managed | Changed | Missing | Unmanaged | Coverage | Scan |',
    '|---:|---:|---:|---:|---:|---|',
    `| ${s.managed} | ${s.changed} | ${s.missing} | ${s.unmanaged} | ${coveragePercent(s.coverage)} | ${s.complete ? 'complete' : 'partial'} |`,
    '',
  ];
  const partial = partialScopes(report);
  if (partial.length)
    lines.push(`**Partial scopes:** ${partial.map((p) => mdCode(safeText(p))).join(', ')}`, '');
  if (report.notChecked.length) lines.push(...notChecked(report));
  if (report.existenceOnly.length) {
    lines.push(
      `**Existence only** (attributes not compared): ${report.existenceOnly.map((t) => mdCode(safeText(t))).join(', ')}`,
      '',
    );
  }
  if (report.ignored) lines.push(`_${report.ignored} drift(s) suppressed by ignore rules._`, '');
  return lines;
}

const MAX_NOT_CHECKED = 50;

function notChecked(report: DriftReport): string[] {
  const n = report.notChecked.length;
  const items = report.notChecked
    .slice(0, MAX_NOT_CHECKED)
    .map((x) => `- ${mdCode(safeText(x.address))}: ${mdText(x.reason)}`);
  return [
    `<details><summary><b>Not checked:</b> ${n} declared resource${n === 1 ? '' : 's'}</summary>`,
    '',
    ...items,
    ...(n > items.length ? [`- … and ${n - items.length} more`] : []),
    '',
    '</details>',
    '',
  ];
}

function changesBlock(d: Drift): string[] {
  if (d.changes.length === 0) return [];
  const rows = d.changes.map((c) => {
    const [desired, actual] = displayPair(c, MAX_VALUE);
    return `| ${mdCode(safeText(c.path))} | ${mdCode(desired)} | ${mdCode(actual)} |`;
  });
  const title = `<code>${htmlText(driftName(d))}</code>: ${d.changes.length} change${d.changes.length === 1 ? '' : 's'}`;
  return [
    '<details>',
    `<summary>${title}</summary>`,
    '',
    '| Path | Desired | Actual |',
    '|---|---|---|',
    ...rows,
    '',
    '</details>',
    '',
  ];
}

function sectionHead(severity: Severity, count: number): string {
  const title = `### ${ICON[severity]} ${severity[0]!.toUpperCase()}${severity.slice(1)} (${count})`;
  return `${title}\n\n| Kind | Type | Resource | Category |\n|---|---|---|---|\n`;
}

function driftRow(d: Drift): string {
  return `| ${d.kind} | ${mdCode(safeText(d.type))} | ${mdCode(safeText(driftName(d)))} | ${mdText(d.category)} |\n`;
}

/** A PR comment: heading, summary table, one section per severity, changes folded in `<details>`. */
export function renderMarkdown(report: DriftReport): string {
  const n = report.drifts.length;
  const title =
    n === 0 ? '## ✅ driftwatch: no drift found' : `## ⚠️ driftwatch: ${n} drift${n === 1 ? '' : 's'} found`;
  let body = [title, '', ...summary(report)].join('\n');
  let shown = 0;
  const budget = MARKDOWN_LIMIT - 300; // room for the truncation note
  for (const group of groupBySeverity(report.drifts)) {
    // Take as many whole drifts as fit, so a cut still leaves well-formed tables and <details>.
    const rows = group.drifts.map(driftRow);
    const blocks = group.drifts.map((d) => changesBlock(d).join('\n'));
    let fit = 0;
    let size = body.length + 1 + sectionHead(group.severity, group.drifts.length).length + 1;
    while (fit < rows.length && size + rows[fit]!.length + blocks[fit]!.length + 1 <= budget) {
      size += rows[fit]!.length + blocks[fit]!.length + 1;
      fit++;
    }
    if (fit > 0) {
      const text = `${sectionHead(group.severity, group.drifts.length)}${rows.slice(0, fit).join('')}\n${blocks.slice(0, fit).join('\n')}`;
      body += `\n${text}`;
      shown += fit;
    }
    if (fit < rows.length) break;
  }
  return finish(body, n - shown);
}

function finish(body: string, hidden: number): string {
  if (hidden === 0) return `${body.trimEnd()}\n`;
  const note = `> ✂️ ${hidden} more drift${hidden === 1 ? '' : 's'} not shown: the comment would exceed GitHub's size limit. Run with \`--format json\` for the full report.`;
  return `${body.trimEnd()}\n\n${note}\n`;
}
