import { nativeTypeKey } from '../mapping/registry.ts';
import { apiGroup, normalizeIdentity } from '../model/identity.ts';
import type { LiveResource } from '../model/live-resource.ts';
import type { Provider } from '../model/provider.ts';

/**
 * Kubernetes native types compare by group and kind only: `apps/v1/Deployment` and
 * `apps/v1beta2/Deployment` are the same objects read through different versions.
 */
export function comparableNativeType(provider: Provider, nativeType: string): string {
  if (provider === 'kubernetes') {
    const slash = nativeType.lastIndexOf('/');
    if (slash < 0) return nativeType;
    return `${apiGroup(nativeType.slice(0, slash))}/${nativeType.slice(slash + 1)}`;
  }
  return nativeTypeKey(provider, nativeType);
}

type Hits = LiveResource | LiveResource[];

function captureOrder(r: LiveResource): number {
  if (!r.capturedAt) return Number.NEGATIVE_INFINITY;
  const t = Date.parse(r.capturedAt);
  return Number.isNaN(t) ? Number.NEGATIVE_INFINITY : t;
}

/** Live resources indexed by every normalized identity they are known by. */
export class LiveIndex {
  // One map per provider (not `${provider}|${id}` keys): lookups on the hot path build no strings.
  private readonly byId = new Map<Provider, Map<string, Hits>>();
  // Comparable-type sets per mapping's nativeTypes array (the same array object every call).
  private readonly wantedCache = new WeakMap<readonly string[], Set<string>>();
  private readonly comparableCache = new Map<string, string>();

  /** The live items kept (newest capture per resource, deleted ones dropped). */
  readonly resources: readonly LiveResource[];

  /**
   * Indexes `items` by every identity. Rule *newest wins* is applied on the way in (one pass, no
   * separate dedupe map): several configuration items of one resource keep only the newest
   * capture, and when that newest one says the resource was deleted, it is gone.
   */
  constructor(items: readonly LiveResource[]) {
    const replaced = new Set<LiveResource>();
    for (const r of items) {
      let ids = this.byId.get(r.provider);
      if (!ids) {
        ids = new Map();
        this.byId.set(r.provider, ids);
      }
      const key = normalizeIdentity(r.provider, r.id);
      const prev = this.samePrimary(ids, key, r);
      if (prev) {
        if (captureOrder(r) < captureOrder(prev)) {
          replaced.add(r);
          continue;
        }
        this.remove(ids, prev);
        replaced.add(prev);
      }
      this.add(ids, key, r);
      for (const id of r.ids) if (id && id !== r.id) this.add(ids, normalizeIdentity(r.provider, id), r);
    }
    const kept: LiveResource[] = [];
    for (const r of items) {
      if (replaced.has(r)) continue;
      if (r.deleted) this.remove(this.byId.get(r.provider)!, r);
      else kept.push(r);
    }
    this.resources = kept;
  }

  /** An already indexed item with the same primary identity and native type (an older capture). */
  private samePrimary(ids: Map<string, Hits>, key: string, r: LiveResource): LiveResource | undefined {
    const hits = ids.get(key);
    if (hits === undefined) return undefined;
    const type = this.comparable(r.provider, r.nativeType);
    for (const h of Array.isArray(hits) ? hits : [hits]) {
      if (
        h !== r &&
        normalizeIdentity(h.provider, h.id) === key &&
        this.comparable(h.provider, h.nativeType) === type
      ) {
        return h;
      }
    }
    return undefined;
  }

  private remove(ids: Map<string, Hits>, r: LiveResource): void {
    for (const id of new Set([r.id, ...r.ids])) {
      if (!id) continue;
      const key = normalizeIdentity(r.provider, id);
      const hits = ids.get(key);
      if (hits === r) ids.delete(key);
      else if (Array.isArray(hits)) {
        const rest = hits.filter((h) => h !== r);
        if (rest.length === 0) ids.delete(key);
        else ids.set(key, rest.length === 1 ? rest[0]! : rest);
      }
    }
  }

  private add(ids: Map<string, Hits>, key: string, r: LiveResource): void {
    const seen = ids.get(key);
    if (seen === undefined) ids.set(key, r);
    else if (Array.isArray(seen)) {
      if (!seen.includes(r)) seen.push(r);
    } else if (seen !== r) ids.set(key, [seen, r]);
  }

  // Keyed by the native type alone: type names never repeat across providers (AWS::…, Microsoft.…,
  // *.googleapis.com/…, apiVersion/Kind), and the hot path builds no key string.
  private comparable(provider: Provider, nativeType: string): string {
    let c = this.comparableCache.get(nativeType);
    if (c === undefined) {
      c = comparableNativeType(provider, nativeType);
      this.comparableCache.set(nativeType, c);
    }
    return c;
  }

  private wanted(provider: Provider, nativeTypes: readonly string[]): Set<string> {
    let set = this.wantedCache.get(nativeTypes);
    if (!set) {
      set = new Set(nativeTypes.map((t) => comparableNativeType(provider, t)));
      this.wantedCache.set(nativeTypes, set);
    }
    return set;
  }

  /**
   * The live item with one of `identities` (tried in order) whose native type is one of
   * `nativeTypes` ('*' = any). Identities must already be normalized.
   */
  find(
    provider: Provider,
    identities: readonly string[],
    nativeTypes: readonly string[],
    /** Extra test for matches by a fallback identity (a name is unique only within its scope). */
    acceptFallback?: (r: LiveResource) => boolean,
  ): LiveResource | undefined {
    const ids = this.byId.get(provider);
    if (!ids) return undefined;
    const any = nativeTypes.includes('*');
    const wanted = any ? undefined : this.wanted(provider, nativeTypes);
    for (let i = 0; i < identities.length; i++) {
      const hits = ids.get(identities[i]!);
      if (hits === undefined) continue;
      for (const r of Array.isArray(hits) ? hits : [hits]) {
        if (wanted && !wanted.has(this.comparable(provider, r.nativeType))) continue;
        if (i > 0 && acceptFallback && !acceptFallback(r)) continue;
        return r;
      }
    }
    return undefined;
  }

  /** Every live item known by this normalized identity, whatever its type. */
  all(provider: Provider, identity: string): readonly LiveResource[] {
    const hits = this.byId.get(provider)?.get(identity);
    return hits === undefined ? [] : Array.isArray(hits) ? hits : [hits];
  }
}
