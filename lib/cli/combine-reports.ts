import { coverageRatio } from '../core/engine/summarize.ts';
import type { DriftReport } from '../core/model/report.ts';

/**
 * Several targets' reports as one (the CLI prints one report for a config file): each target's
 * findings are its own, so drifts, scopes and not-checked lists are simply concatenated.
 */
export function combineTargetReports(reports: readonly DriftReport[]): DriftReport {
  if (reports.length === 1 && reports[0]) return reports[0];
  const sum = (f: (r: DriftReport) => number) => reports.reduce((n, r) => n + f(r), 0);
  const managed = sum((r) => r.summary.managed);
  const unmanaged = sum((r) => r.summary.unmanaged);
  return {
    version: 1,
    summary: {
      managed,
      unmanaged,
      missing: sum((r) => r.summary.missing),
      changed: sum((r) => r.summary.changed),
      coverage: coverageRatio(managed, unmanaged),
      complete: reports.every((r) => r.summary.complete),
    },
    drifts: reports.flatMap((r) => r.drifts),
    scopes: reports.flatMap((r) => r.scopes),
    notChecked: reports.flatMap((r) => r.notChecked),
    existenceOnly: [...new Set(reports.flatMap((r) => r.existenceOnly))].sort(),
    ignored: sum((r) => r.ignored),
    generatedAt:
      reports
        .map((r) => r.generatedAt)
        .sort()
        .at(-1) ?? new Date().toISOString(),
  };
}
