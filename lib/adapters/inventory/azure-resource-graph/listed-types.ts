import { TYPE_MAP_AZURE } from '../../../mappings/generated/type-map-azure.ts';

const SUBNET = 'Microsoft.Network/virtualNetworks/subnets';

/**
 * Native types this adapter's listing is a census of: the `resources` and `resourcecontainers`
 * tables (type map inventory `resourcegraph` / `resourcegraph:resourcecontainers`), plus subnets,
 * which are lifted out of their VNet rows. Not '*': types Resource Graph does not list
 * (`resourcegraph:unlisted`, e.g. deployments) or keeps in other tables would be reported missing.
 * `@__PURE__`: a bundle that imports this module but never reads the list keeps no Azure rows.
 */
export const LISTED_NATIVE_TYPES: readonly string[] = /* @__PURE__ */ (() => {
  const set = new Set<string>([SUBNET, 'Microsoft.Resources/resourceGroups']);
  for (const row of TYPE_MAP_AZURE) {
    if (row.inventory === 'resourcegraph' || row.inventory === 'resourcegraph:resourcecontainers')
      set.add(row.nativeType);
  }
  return [...set].sort();
})();

/** Listed types plus every type actually seen in the scope (a type the map does not know yet). */
export function coveredTypes(seen: Iterable<string>): string[] {
  const out = new Set(LISTED_NATIVE_TYPES);
  for (const t of seen) out.add(t);
  return [...out].sort();
}
