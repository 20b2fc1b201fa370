import type { Drift, DriftReport, Severity } from '../../core/model/index.ts';

/** Severities from most to least severe: the order every format groups by. */
export const SEVERITY_ORDER: readonly Severity[] = ['critical', 'high', 'medium', 'low'];

/** Drifts grouped by severity, critical first; empty groups left out; report order kept inside a group. */
export function groupBySeverity(drifts: readonly Drift[]): Array<{ severity: Severity; drifts: Drift[] }> {
  return SEVERITY_ORDER.map((severity) => ({
    severity,
    drifts: drifts.filter((d) => d.severity === severity),
  })).filter((g) => g.drifts.length > 0);
}

/** How a drift is named in text: its address when it has one, else its id. */
export function driftName(d: Drift): string {
  return d.address ?? d.id;
}

/** Coverage as a percentage with one decimal (`coverage` is a 0..1 ratio; values above 1 are taken as %). */
export function coveragePercent(coverage: number): string {
  const pct = coverage > 1 ? coverage : coverage * 100;
  return `${(Math.round(pct * 10) / 10).toFixed(1)}%`;
}

/** Scopes whose listing was partial, for the summary's "partial" note. */
export function partialScopes(report: DriftReport): string[] {
  return report.scopes
    .filter((s) => !s.complete)
    .map((s) => (s.reason ? `${s.scope} (${s.reason})` : s.scope));
}

/** Plain-words summary counts shared by the formats. */
export function summaryParts(report: DriftReport): Array<[string, string]> {
  const s = report.summary;
  return [
    ['managed', String(s.managed)],
    ['changed', String(s.changed)],
    ['missing', String(s.missing)],
    ['unmanaged', String(s.unmanaged)],
    ['coverage', coveragePercent(s.coverage)],
    ['scan', s.complete ? 'complete' : 'partial'],
  ];
}
