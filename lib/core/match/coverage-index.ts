import type { CoverageEvidence } from '../model/coverage.ts';
import type { Provider } from '../model/provider.ts';
import { comparableNativeType } from './live-index.ts';

export type CoverageVerdict = { covered: true; scope: string } | { covered: false; reason: string };

/** `aws:*:eu-west-1` matches `aws:123456789012:eu-west-1`: `*` stands for a part the state does not know. */
export function scopeMatches(pattern: string, scope: string): boolean {
  if (pattern === scope) return true;
  const p = pattern.split(':');
  const s = scope.split(':');
  if (p.length !== s.length) return false;
  return p.every((part, i) => part === '*' || part === s[i] || part.toLowerCase() === s[i]!.toLowerCase());
}

/**
 * Rule *evidence of coverage*: a declared resource may be reported missing only where the
 * inventory evidently covers its scope and native type, and the listing there was complete.
 */
export class CoverageIndex {
  private readonly byProvider = new Map<Provider, CoverageEvidence[]>();
  private readonly cache = new Map<string, CoverageVerdict>();

  constructor(readonly evidence: readonly CoverageEvidence[]) {
    for (const e of evidence) {
      const list = this.byProvider.get(e.provider) ?? [];
      list.push(e);
      this.byProvider.set(e.provider, list);
    }
  }

  check(provider: Provider, scopePattern: string | null, nativeTypes: readonly string[]): CoverageVerdict {
    const pattern = scopePattern ?? `${provider}:*`;
    const key = `${provider}|${pattern}|${nativeTypes.join(',')}`;
    const cached = this.cache.get(key);
    if (cached) return cached;
    const verdict = this.compute(provider, pattern, nativeTypes);
    this.cache.set(key, verdict);
    return verdict;
  }

  private compute(provider: Provider, pattern: string, nativeTypes: readonly string[]): CoverageVerdict {
    const wanted = new Set(nativeTypes.map((t) => comparableNativeType(provider, t)));
    const inScope = (this.byProvider.get(provider) ?? []).filter((e) => scopeMatches(pattern, e.scope));
    if (inScope.length === 0) return { covered: false, reason: `no inventory covers scope ${pattern}` };
    const incomplete = inScope.find((e) => !e.complete);
    if (incomplete) {
      return {
        covered: false,
        reason: `scope ${incomplete.scope} incomplete${incomplete.reason ? `: ${incomplete.reason}` : ''}`,
      };
    }
    const hit = inScope.find(
      (e) =>
        e.nativeTypes === '*' || e.nativeTypes.some((t) => wanted.has(comparableNativeType(provider, t))),
    );
    if (hit) return { covered: true, scope: hit.scope };
    return {
      covered: false,
      reason: `inventory has no ${nativeTypes.join(' / ')} items in scope ${pattern}`,
    };
  }
}
