import type { Provider } from '../model/provider.ts';
import type { ResourceMapping } from './types.ts';

/** Looks up the mapping of a Terraform type; hand-written mappings win over generated ones. */
export interface MappingRegistry {
  get(terraformType: string): ResourceMapping | undefined;
  /** Terraform types whose live item is this native type. */
  terraformTypesFor(provider: Provider, nativeType: string): readonly string[];
  all(): readonly ResourceMapping[];
}

/** Native types compare case-insensitively on Azure (Resource Graph lower-cases them). */
export function nativeTypeKey(provider: Provider, nativeType: string): string {
  return provider === 'azure' ? nativeType.toLowerCase() : nativeType;
}

/** Builds a registry; later entries do not override earlier ones, so pass hand mappings first. */
export function createRegistry(...groups: readonly (readonly ResourceMapping[])[]): MappingRegistry {
  const byType = new Map<string, ResourceMapping>();
  const byNative = new Map<string, string[]>();
  const all: ResourceMapping[] = [];
  for (const group of groups) {
    for (const m of group) {
      const fresh = m.terraformTypes.filter((t) => !byType.has(t));
      if (fresh.length === 0) continue;
      all.push(m);
      for (const t of fresh) byType.set(t, m);
      for (const n of m.nativeTypes) {
        const key = `${m.provider}|${nativeTypeKey(m.provider, n)}`;
        const list = byNative.get(key) ?? [];
        list.push(...fresh);
        byNative.set(key, list);
      }
    }
  }
  return {
    get: (t) => byType.get(t),
    terraformTypesFor: (p, n) => byNative.get(`${p}|${nativeTypeKey(p, n)}`) ?? [],
    all: () => all,
  };
}
