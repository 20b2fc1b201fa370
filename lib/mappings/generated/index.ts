import type { ResourceMapping } from '../../core/mapping/types.ts';
import type { Provider } from '../../core/model/provider.ts';
import { generatedMappingsOf } from './build.ts';
import { createTypeMapIndex, type TypeMapIndex } from './lookup.ts';
import { TYPE_MAP, TYPE_MAP_AWS, TYPE_MAP_AZURE, TYPE_MAP_GCP, TYPE_MAP_KUBERNETES } from './type-map.ts';

export { buildGeneratedMappings, generatedMappingsOf } from './build.ts';
export { createTypeMapIndex, type TypeMapIndex } from './lookup.ts';
export { TYPE_MAP, TYPE_MAP_AWS, TYPE_MAP_AZURE, TYPE_MAP_GCP, TYPE_MAP_KUBERNETES } from './type-map.ts';
export { isListable, isPolicyCarrier, type TypeMapRow } from './type-map-row.ts';

/**
 * Existence-only mappings for every Terraform type of the shared type map (kubernetes_manifest
 * excepted). Pass hand-written mappings to createRegistry first: they override these. `@__PURE__`:
 * a Lambda bundle that reads only its provider's slice (lib/runtime/compose.ts) drops this.
 */
export const generatedMappings: readonly ResourceMapping[] = /* @__PURE__ */ generatedMappingsOf(
  TYPE_MAP_AWS,
  TYPE_MAP_AZURE,
  TYPE_MAP_GCP,
  TYPE_MAP_KUBERNETES,
);

// Built on first question, not at import: a bundle that never asks keeps no rows for it.
let index: TypeMapIndex | undefined;
const typeMapIndex = (): TypeMapIndex => {
  index ??= createTypeMapIndex(TYPE_MAP);
  return index;
};

/** True when the Terraform type is known and no inventory lists it ("not checked: no inventory lists …"). */
export function nativeTypesWithoutInventory(terraformType: string): boolean {
  return typeMapIndex().nativeTypesWithoutInventory(terraformType);
}

/** Which inventory lists a native type (`config`, `cloudcontrol`, `config+cloudcontrol`, `resourcegraph`…). */
export function inventoryOf(provider: Provider, nativeType: string): string | undefined {
  return typeMapIndex().inventoryOf(provider, nativeType);
}

/** Native types some inventory lists for a provider; Azure's set compares case-insensitively. */
export function knownNativeTypes(provider: Provider): ReadonlySet<string> {
  return typeMapIndex().knownNativeTypes(provider);
}
