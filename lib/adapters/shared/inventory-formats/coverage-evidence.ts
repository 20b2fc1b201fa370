import type { CoverageEvidence } from '../../../core/model/coverage.ts';
import type { LiveResource } from '../../../core/model/live-resource.ts';

/**
 * Evidence of coverage from what a file holds: every (provider, scope) with at least one item gets
 * one entry listing the native types seen there. A scope or type with no items has no evidence, so
 * an export that left something out never makes the engine report it missing. `incomplete` (a
 * paged listing cut short) marks every entry incomplete with that reason.
 */
export function coverageOf(
  resources: LiveResource[],
  source: string,
  incomplete?: string,
): CoverageEvidence[] {
  // Scope keys start with the provider (`aws:…`), so the scope alone identifies the entry.
  const byScope = new Map<
    string,
    { provider: LiveResource['provider']; scope: string; types: Set<string> }
  >();
  for (const r of resources) {
    let entry = byScope.get(r.scope);
    if (!entry) {
      entry = { provider: r.provider, scope: r.scope, types: new Set() };
      byScope.set(r.scope, entry);
    }
    entry.types.add(r.nativeType);
  }
  return [...byScope.values()].map((e) => ({
    provider: e.provider,
    scope: e.scope,
    nativeTypes: [...e.types].sort(),
    complete: incomplete === undefined,
    ...(incomplete === undefined ? {} : { reason: incomplete }),
    source,
  }));
}
