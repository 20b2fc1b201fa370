import type { CoverageEvidence } from '../model/coverage.ts';
import { type Drift, SEVERITY_RANK } from '../model/drift.ts';
import type { DriftReport, NotChecked, ScopeReport } from '../model/report.ts';

/** Coverage = matched managed / (matched managed + unmanaged); 1 when there is nothing at all. */
export function coverageRatio(managed: number, unmanaged: number): number {
  const total = managed + unmanaged;
  return total === 0 ? 1 : Math.round((managed / total) * 10_000) / 10_000;
}

/** Stable report order: most severe first, then kind, type, address/id. */
export function compareDrifts(a: Drift, b: Drift): number {
  return (
    SEVERITY_RANK[b.severity] - SEVERITY_RANK[a.severity] ||
    a.kind.localeCompare(b.kind) ||
    a.type.localeCompare(b.type) ||
    (a.address ?? a.id).localeCompare(b.address ?? b.id)
  );
}

/** One entry per scope, merging evidence from several exports. */
export function scopeReports(evidence: readonly CoverageEvidence[]): ScopeReport[] {
  const byScope = new Map<string, ScopeReport>();
  for (const e of evidence) {
    const key = `${e.provider}|${e.scope}`;
    const seen = byScope.get(key);
    if (!seen) {
      byScope.set(key, {
        provider: e.provider,
        scope: e.scope,
        complete: e.complete,
        ...(e.reason ? { reason: e.reason } : {}),
        nativeTypes: e.nativeTypes === '*' ? '*' : [...e.nativeTypes].sort(),
      });
      continue;
    }
    seen.complete = seen.complete && e.complete;
    if (e.reason && !seen.reason) seen.reason = e.reason;
    if (seen.nativeTypes !== '*') {
      seen.nativeTypes =
        e.nativeTypes === '*' ? '*' : [...new Set([...seen.nativeTypes, ...e.nativeTypes])].sort();
    }
  }
  return [...byScope.values()].sort((a, b) => a.scope.localeCompare(b.scope));
}

/** Assembles the version-1 report. */
export function buildReport(parts: {
  drifts: Drift[];
  managed: number;
  notChecked: NotChecked[];
  evidence: readonly CoverageEvidence[];
  existenceOnly: Iterable<string>;
  ignored: number;
  generatedAt: Date;
}): DriftReport {
  const drifts = [...parts.drifts].sort(compareDrifts);
  const count = (k: Drift['kind']) => drifts.filter((d) => d.kind === k).length;
  const scopes = scopeReports(parts.evidence);
  const unmanaged = count('unmanaged');
  return {
    version: 1,
    summary: {
      managed: parts.managed,
      unmanaged,
      missing: count('missing'),
      changed: count('changed'),
      coverage: coverageRatio(parts.managed, unmanaged),
      // Complete = every scope listed fully and every declared resource could be checked.
      complete: scopes.every((s) => s.complete) && parts.notChecked.length === 0,
    },
    drifts,
    scopes,
    notChecked: [...parts.notChecked].sort((a, b) => a.address.localeCompare(b.address)),
    existenceOnly: [...parts.existenceOnly].sort(),
    ignored: parts.ignored,
    generatedAt: parts.generatedAt.toISOString(),
  };
}
