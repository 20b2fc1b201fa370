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

/** Live resources indexed by every normalized identity they are known by. */
export class LiveIndex {
  private readonly byId = new Map<string, LiveResource[]>();

  constructor(readonly resources: readonly LiveResource[]) {
    for (const r of resources) {
      for (const id of new Set([r.id, ...r.ids])) {
        if (!id) continue;
        const key = `${r.provider}|${normalizeIdentity(r.provider, id)}`;
        const list = this.byId.get(key);
        if (list) list.push(r);
        else this.byId.set(key, [r]);
      }
    }
  }

  /**
   * The live item with one of `identities` (tried in order) whose native type is one of
   * `nativeTypes` ('*' = any). Identities must already be normalized.
   */
  find(
    provider: Provider,
    identities: readonly string[],
    nativeTypes: readonly string[],
  ): LiveResource | undefined {
    const any = nativeTypes.includes('*');
    const wanted = new Set(nativeTypes.map((t) => comparableNativeType(provider, t)));
    for (const id of identities) {
      const hits = this.byId.get(`${provider}|${id}`);
      if (!hits) continue;
      const hit = any ? hits[0] : hits.find((r) => wanted.has(comparableNativeType(provider, r.nativeType)));
      if (hit) return hit;
    }
    return undefined;
  }

  /** Every live item known by this normalized identity, whatever its type. */
  all(provider: Provider, identity: string): readonly LiveResource[] {
    return this.byId.get(`${provider}|${identity}`) ?? [];
  }
}
