import { nativeTypeKey } from '../../core/mapping/registry.ts';
import type { Provider } from '../../core/model/provider.ts';
import { isListable, type TypeMapRow } from './type-map-row.ts';

/** A set of native types whose `has` ignores case (ARM types: Resource Graph lower-cases them). */
class CaseInsensitiveSet extends Set<string> {
  readonly #keys = new Set<string>();
  override add(value: string): this {
    this.#keys.add(value.toLowerCase());
    return super.add(value);
  }
  override has(value: string): boolean {
    return this.#keys.has(value.toLowerCase());
  }
}

// When one native type has several inventory values (AWS::IAM::Policy: `none` for former2's inline
// policies, `config` for managed ones; a GCP asset that also carries IAM policies), the one that
// lists the item itself wins: plain > qualified (`cloudasset:iam_policy`) > none.
const rank = (inventory: string) => (inventory === 'none' ? 0 : inventory.includes(':') ? 1 : 2);

/** Questions answered from the type map rows. */
export interface TypeMapIndex {
  /** Which inventory lists the native type (`config`, `cloudcontrol`, `resourcegraph:…`), or undefined. */
  inventoryOf(provider: Provider, nativeType: string): string | undefined;
  /** True when the Terraform type is in the map and no inventory lists any of its native types. */
  nativeTypesWithoutInventory(terraformType: string): boolean;
  /** Native types some inventory lists (`*` excluded); Azure's set answers `has` case-insensitively. */
  knownNativeTypes(provider: Provider): ReadonlySet<string>;
  /** The rows of one Terraform type, in map order. */
  rowsOf(terraformType: string): readonly TypeMapRow[];
}

/** Indexes type map rows for the lookups above. */
export function createTypeMapIndex(rows: readonly TypeMapRow[]): TypeMapIndex {
  const inventory = new Map<string, string>();
  const byType = new Map<string, TypeMapRow[]>();
  const known = new Map<Provider, Set<string>>();
  for (const row of rows) {
    const key = `${row.provider}|${nativeTypeKey(row.provider, row.nativeType)}`;
    const prev = inventory.get(key);
    if (prev === undefined || rank(row.inventory) > rank(prev)) inventory.set(key, row.inventory);
    const own = byType.get(row.terraformType);
    if (own) own.push(row);
    else byType.set(row.terraformType, [row]);
    if (!isListable(row)) continue;
    const set = known.get(row.provider) ?? (row.provider === 'azure' ? new CaseInsensitiveSet() : new Set());
    known.set(row.provider, set.add(row.nativeType));
  }
  const empty: ReadonlySet<string> = new Set();
  return {
    inventoryOf: (p, n) => inventory.get(`${p}|${nativeTypeKey(p, n)}`),
    nativeTypesWithoutInventory: (t) => {
      const own = byType.get(t);
      return own?.every((r) => r.inventory === 'none') ?? false;
    },
    knownNativeTypes: (p) => known.get(p) ?? empty,
    rowsOf: (t) => byType.get(t) ?? [],
  };
}
