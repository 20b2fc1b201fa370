import type { Drift, DriftReport } from '../../core/model/index.ts';
import { type Palette, palette } from './ansi.ts';
import { driftName, groupBySeverity, partialScopes, summaryParts } from './report-view.ts';
import { displayPair, safeText } from './safe-value.ts';
import { truncate, truncateMiddle } from './truncate.ts';

const MAX_VALUE = 60;
const MAX_COLUMN = { type: 40, name: 70 };

function pad(s: string, width: number): string {
  return s + ' '.repeat(Math.max(0, width - Array.from(s).length));
}

function driftRows(drifts: readonly Drift[]) {
  return drifts.map((d) => ({
    d,
    kind: d.kind,
    type: truncate(safeText(d.type), MAX_COLUMN.type),
    name: truncateMiddle(safeText(driftName(d)), MAX_COLUMN.name),
  }));
}

function changeLines(d: Drift, p: Palette): string[] {
  return d.changes.map((c) => {
    const [desired, actual] = displayPair(c, MAX_VALUE);
    return `      ${safeText(c.path)}: ${p.removed(desired)} ${p.dim('→')} ${p.added(actual)}`;
  });
}

function summaryLines(report: DriftReport, p: Palette): string[] {
  const parts = summaryParts(report).map(([k, v]) => (k === 'scan' ? v : `${k} ${v}`));
  const partial = partialScopes(report);
  const lines = [p.bold(`Summary: ${parts.join(', ')}`)];
  if (partial.length) lines.push(`Partial scopes: ${partial.map(safeText).join(', ')}`);
  const covered = report.scopes.filter((s) => s.complete).map((s) => s.scope);
  if (covered.length) lines.push(p.dim(`Covered scopes: ${covered.map(safeText).join(', ')}`));
  if (report.notChecked.length) {
    lines.push(
      `Not checked: ${report.notChecked.length} (no coverage evidence or no identity; see --format json)`,
    );
  }
  if (report.existenceOnly.length) {
    lines.push(
      p.dim(`Existence only (attributes not compared): ${report.existenceOnly.map(safeText).join(', ')}`),
    );
  }
  if (report.ignored) lines.push(p.dim(`Ignored by rules: ${report.ignored}`));
  return lines;
}

/** Terminal table: drifts grouped by severity (critical first), changes indented, then the summary. */
export function renderTable(report: DriftReport, opts: { color: boolean }): string {
  const p = palette(opts.color);
  const rows = driftRows(report.drifts);
  const w = {
    kind: Math.max(4, ...rows.map((r) => r.kind.length)),
    type: Math.max(4, ...rows.map((r) => Array.from(r.type).length)),
    name: Math.max(8, ...rows.map((r) => Array.from(r.name).length)),
  };
  const out: string[] = [];
  if (rows.length === 0) out.push(p.green('No drift found.'), '');
  for (const group of groupBySeverity(report.drifts)) {
    out.push(p.severity[group.severity](` ${group.severity.toUpperCase()} (${group.drifts.length}) `));
    out.push(p.dim(`  ${pad('KIND', w.kind)}  ${pad('TYPE', w.type)}  ${pad('RESOURCE', w.name)}  CATEGORY`));
    for (const r of rows.filter((x) => x.d.severity === group.severity)) {
      out.push(
        `  ${pad(r.kind, w.kind)}  ${pad(r.type, w.type)}  ${pad(r.name, w.name)}  ${safeText(r.d.category)}`,
      );
      out.push(...changeLines(r.d, p));
    }
    out.push('');
  }
  out.push(...summaryLines(report, p));
  return `${out.join('\n')}\n`;
}
