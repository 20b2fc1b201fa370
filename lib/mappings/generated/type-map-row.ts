import type { Provider } from '../../core/model/provider.ts';

/**
 * One (Terraform type, native type) pair of the shared type map, as generated into type-map.ts.
 * `inventory` says which inventory lists the native type: aws `config` | `cloudcontrol` |
 * `config+cloudcontrol` | `none`; azure `resourcegraph` | `resourcegraph:<table>` |
 * `resourcegraph:unlisted` | `none`; gcp `cloudasset` | `cloudasset:iam_policy` |
 * `cloudasset:org_policy`; kubernetes `api` | `none`. `nativeType` `*` (kubernetes) = any kind.
 */
export interface TypeMapRow {
  readonly provider: Provider;
  readonly terraformType: string;
  readonly nativeType: string;
  readonly inventory: string;
}

/** True when some inventory can list items of the row's native type. */
export function isListable(row: Pick<TypeMapRow, 'inventory' | 'nativeType'>): boolean {
  return row.inventory !== 'none' && row.nativeType !== '*';
}

/**
 * True when the row's "native type" is the asset that carries a policy (GCP IAM and org-policy
 * resources), not an item of the Terraform type's own.
 */
export function isPolicyCarrier(row: Pick<TypeMapRow, 'inventory'>): boolean {
  return row.inventory === 'cloudasset:iam_policy' || row.inventory === 'cloudasset:org_policy';
}

/** A row as the generated modules store it: provider, Terraform type, native type, inventory. */
export type TypeMapTuple = readonly [TypeMapRow['provider'], string, string, string];

/** Generated tuples to rows (called with `@__PURE__` so an unused provider module bundles to nothing). */
export function rowsFromTuples(tuples: readonly TypeMapTuple[]): readonly TypeMapRow[] {
  return tuples.map(([provider, terraformType, nativeType, inventory]) => ({
    provider,
    terraformType,
    nativeType,
    inventory,
  }));
}

/** The provider slices as one array, in argument order. */
export function concatRows(...slices: readonly (readonly TypeMapRow[])[]): readonly TypeMapRow[] {
  return slices.flat();
}
