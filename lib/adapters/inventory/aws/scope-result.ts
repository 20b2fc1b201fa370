import type { CoverageEvidence } from '../../../core/model/coverage.ts';
import type { LiveResource } from '../../../core/model/live-resource.ts';

/** What reading one scope (or the aggregator) yields. */
export interface ScopeResult {
  resources: LiveResource[];
  evidence: CoverageEvidence[];
}

/** Evidence for a scope that could not be read: incomplete, so nothing there is reported missing. */
export function unread(scope: string, reason: string, source: string): CoverageEvidence {
  return { provider: 'aws', scope, nativeTypes: [], complete: false, reason, source };
}

/**
 * One evidence entry per scope: the engine treats any incomplete entry as the whole scope being
 * incomplete, so entries for the same scope (Config, Cloud Control, global types seen from two
 * regions) are merged: types united, complete only when all are, the first reason kept.
 */
export function mergeEvidence(entries: readonly CoverageEvidence[]): CoverageEvidence[] {
  const byScope = new Map<string, CoverageEvidence>();
  for (const e of entries) {
    const seen = byScope.get(e.scope);
    if (!seen) {
      byScope.set(e.scope, { ...e, nativeTypes: e.nativeTypes === '*' ? '*' : [...e.nativeTypes] });
      continue;
    }
    seen.nativeTypes =
      seen.nativeTypes === '*' || e.nativeTypes === '*'
        ? '*'
        : [...new Set([...seen.nativeTypes, ...e.nativeTypes])].sort();
    if (!e.complete) {
      if (seen.complete && e.reason !== undefined) seen.reason = e.reason;
      seen.complete = false;
    }
    if (!seen.source.split('+').includes(e.source)) seen.source = `${seen.source}+${e.source}`;
  }
  return [...byScope.values()].sort((a, b) => a.scope.localeCompare(b.scope));
}
