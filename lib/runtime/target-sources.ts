import { resolve } from 'node:path';
import { SnapshotFileInventory } from '../adapters/inventory/snapshot-files/index.ts';
import { ManifestStateSource } from '../adapters/state-sources/manifests/index.ts';
import type { TargetConfig } from '../core/config/index.ts';
import type { StateResource } from '../core/model/state-resource.ts';
import type { InventorySource } from '../core/ports/inventory-source.ts';
import type { RuntimeContext } from './context.ts';
import { liveInventory } from './live-inventory.ts';
import type { ShardSpec } from './shards.ts';
import { discoverTfDirStates, loadStates } from './state-sources.ts';

/** The inventory one shard reads: the target's export files, or its live API limited to the shard's scope. */
export function inventoryForShard(
  target: TargetConfig,
  shard: ShardSpec,
  ctx: RuntimeContext,
): InventorySource {
  if (shard.scope === 'export') {
    return new SnapshotFileInventory(
      target.inventory.map((f) => resolve(ctx.cwd, f)),
      // Exports do not say which cluster they came from: the configured context names it.
      { cluster: exportCluster(target) },
    );
  }
  return liveInventory(target, shard);
}

/** Every desired resource of a target: its state sources (files, s3://, azblob://, gs://) and manifests. */
export async function loadTargetDesired(target: TargetConfig, ctx: RuntimeContext): Promise<StateResource[]> {
  const discovered = target.tfDir
    ? await discoverTfDirStates([resolve(ctx.cwd, target.tfDir)], ctx, ctx.notice)
    : [];
  const out = await loadStates([...target.state, ...discovered], ctx);
  for (const m of target.manifests) {
    for (const doc of await new ManifestStateSource(resolve(ctx.cwd, m), ctx.hasher).read())
      out.push(...doc.resources);
  }
  return out;
}

function exportCluster(target: TargetConfig): string {
  if (target.provider !== 'kubernetes' || !target.scopes) return 'default';
  const context = target.scopes.contexts[0];
  return context ? (target.scopes.clusterNames[context] ?? context) : 'default';
}
