import { nativeTypeKey } from '../../core/mapping/registry.ts';
import type { MappingRole, ResourceMapping } from '../../core/mapping/types.ts';
import { defaultsFor } from '../defaults/index.ts';
import { isListable, isPolicyCarrier, type TypeMapRow } from './type-map-row.ts';

// kubernetes_manifest manages any kind (`*`); only its hand-written mapping can serve it.
const SKIPPED = new Set(['kubernetes_manifest']);

// Kubernetes resources that patch an object created elsewhere (data, env, taints): a fact about
// that object, never missing or unmanaged on their own.
const FACETS = new Set([
  'kubernetes_config_map_v1_data',
  'kubernetes_secret_v1_data',
  'kubernetes_env',
  'kubernetes_node_taint',
]);

/**
 * Role of a Terraform type from its rows: `resource` when an inventory lists an item of its own;
 * `association` when none does (inventory `none`, a `*` kind, or only the asset that carries a
 * GCP IAM/org policy, which is a fact about another resource, not an item of its own).
 */
function roleOf(terraformType: string, own: readonly TypeMapRow[]): MappingRole {
  if (own.length === 0) return 'association';
  return FACETS.has(terraformType) ? 'facet' : 'resource';
}

/** One existence-only mapping per Terraform type of the rows (attributes: []), provider defaults inside. */
export function buildGeneratedMappings(rows: readonly TypeMapRow[]): ResourceMapping[] {
  const byType = new Map<string, TypeMapRow[]>();
  for (const row of rows) {
    if (SKIPPED.has(row.terraformType)) continue;
    const list = byType.get(row.terraformType);
    if (list) list.push(row);
    else byType.set(row.terraformType, [row]);
  }
  const out: ResourceMapping[] = [];
  for (const [terraformType, all] of byType) {
    const provider = all[0]!.provider;
    const own = all.filter((r) => isListable(r) && !isPolicyCarrier(r));
    const role = roleOf(terraformType, own);
    const seen = new Set<string>();
    const nativeTypes = own
      .map((r) => r.nativeType)
      .filter((n) => {
        const key = nativeTypeKey(provider, n);
        if (seen.has(key)) return false;
        seen.add(key);
        return true;
      });
    const { identities, scope } = defaultsFor(provider, nativeTypes);
    out.push({
      provider,
      terraformTypes: [terraformType],
      nativeTypes,
      role,
      identities,
      scope,
      attributes: [],
    });
  }
  return out;
}

// Per slice, so the CLI's registry and `generatedMappings` share one build of each provider.
const built = new WeakMap<readonly TypeMapRow[], readonly ResourceMapping[]>();

/** buildGeneratedMappings of each type map slice (built once per slice), concatenated in argument order. */
export function generatedMappingsOf(
  ...slices: readonly (readonly TypeMapRow[])[]
): readonly ResourceMapping[] {
  return slices.flatMap((rows) => {
    let mappings = built.get(rows);
    if (!mappings) {
      mappings = buildGeneratedMappings(rows);
      built.set(rows, mappings);
    }
    return mappings;
  });
}
