import type { LiveIndex } from '../match/live-index.ts';
import type { Drift } from '../model/drift.ts';
import { normalizeIdentity } from '../model/identity.ts';
import type { LiveResource } from '../model/live-resource.ts';
import { ownershipContext, providerOwner } from '../rules/provider-owned/index.ts';
import type { DesiredPassResult } from './desired-pass.ts';
import type { ScanInput } from './types.ts';

/** Why a live item is not unmanaged, or null when it is. */
export function accountedFor(
  item: LiveResource,
  desired: DesiredPassResult,
  terraformTypes: readonly string[],
  ownerOf: (item: LiveResource) => string | null,
): string | null {
  if (desired.claimed.has(item)) return 'managed';
  // Rule *children of a parent*: a VPC's default SG, an instance's root volume, a GCP boot disk.
  if (
    [item.id, ...item.ids].some((id) =>
      desired.childIds.has(`${item.provider}|${normalizeIdentity(item.provider, id)}`),
    )
  ) {
    return 'child of a managed resource';
  }
  const owner = ownerOf(item);
  if (owner) return `owned by the provider (${owner})`;
  // A native type no Terraform type can declare (Config compliance items, ...) is not "undeclared".
  if (terraformTypes.length === 0) return 'no Terraform type declares this native type';
  return null;
}

/** Reports live items no state declares, after the provider-owned, children and type rules. */
export function unmanagedPass(
  input: ScanInput,
  live: LiveIndex,
  desired: DesiredPassResult,
): { drifts: Drift[]; ignored: number } {
  const ctx = ownershipContext(live.resources);
  const drifts: Drift[] = [];
  let ignored = 0;
  for (const item of live.resources) {
    const tfTypes = terraformTypesOf(input, item);
    if (accountedFor(item, desired, tfTypes, (i) => providerOwner(i, ctx)) !== null) continue;
    const drift: Drift = {
      kind: 'unmanaged',
      provider: item.provider,
      type: item.nativeType,
      address: null,
      id: item.id,
      ...input.classify({ provider: item.provider, type: item.nativeType, kind: 'unmanaged', changes: [] }),
      changes: [],
      scope: item.scope,
      nativeType: item.nativeType,
    };
    if (input.ignore?.isIgnored(drift, tfTypes)) ignored++;
    else drifts.push(drift);
  }
  return { drifts, ignored };
}

/** Terraform types that can declare this live item; any Kubernetes kind can be a kubernetes_manifest. */
function terraformTypesOf(input: ScanInput, item: LiveResource): readonly string[] {
  const types = input.registry.terraformTypesFor(item.provider, item.nativeType);
  return types.length === 0 && item.provider === 'kubernetes' ? ['kubernetes_manifest'] : types;
}
