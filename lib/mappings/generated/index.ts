import type { ResourceMapping } from '../../core/mapping/types.ts';
import type { Provider } from '../../core/model/provider.ts';
import { buildGeneratedMappings } from './build.ts';
import { createTypeMapIndex } from './lookup.ts';
import { TYPE_MAP } from './type-map.ts';

export { buildGeneratedMappings } from './build.ts';
export { createTypeMapIndex, type TypeMapIndex } from './lookup.ts';
export { TYPE_MAP } from './type-map.ts';
export { isListable, isPolicyCarrier, type TypeMapRow } from './type-map-row.ts';

/**
 * Existence-only mappings for every Terraform type of the shared type map (kubernetes_manifest
 * excepted). Pass hand-written mappings to createRegistry first: they override these.
 */
export const generatedMappings: readonly ResourceMapping[] = buildGeneratedMappings(TYPE_MAP);

const index = createTypeMapIndex(TYPE_MAP);

/** True when the Terraform type is known and no inventory lists it ("not checked: no inventory lists …"). */
export function nativeTypesWithoutInventory(terraformType: string): boolean {
  return index.nativeTypesWithoutInventory(terraformType);
}

/** Which inventory lists a native type (`config`, `cloudcontrol`, `config+cloudcontrol`, `resourcegraph`…). */
export function inventoryOf(provider: Provider, nativeType: string): string | undefined {
  return index.inventoryOf(provider, nativeType);
}

/** Native types some inventory lists for a provider; Azure's set compares case-insensitively. */
export function knownNativeTypes(provider: Provider): ReadonlySet<string> {
  return index.knownNativeTypes(provider);
}
