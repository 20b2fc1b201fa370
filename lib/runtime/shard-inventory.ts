import { resolve } from 'node:path';
import type { TargetConfig } from '../core/config/index.ts';
import type { InventorySource } from '../core/ports/inventory-source.ts';
import type { RuntimeContext } from './context.ts';
import { liveInventory } from './live-inventory.ts';
import { notBundled } from './remote-state-sources.ts';
import type { ShardSpec } from './shards.ts';

/** The inventory one shard reads: the target's export files, or its live API limited to the shard's scope. */
export function inventoryForShard(
  target: TargetConfig,
  shard: ShardSpec,
  ctx: RuntimeContext,
): InventorySource {
  if (shard.scope === 'export') {
    const paths = target.inventory.map((f) => resolve(ctx.cwd, f));
    return { name: paths.join(', '), read: () => readExports(paths, exportCluster(target)) };
  }
  return liveInventory(target, shard);
}

// A Lambda bundle keeps the export-file readers (and their YAML parser) only when its config names
// inventory files: DRIFTWATCH_BUNDLE_EXPORTS is an esbuild define (see remote-state-sources.ts).
async function readExports(paths: string[], cluster: string) {
  if (process.env.DRIFTWATCH_BUNDLE_EXPORTS !== 'off') {
    const { SnapshotFileInventory } = await import('../adapters/inventory/snapshot-files/index.ts');
    // Exports do not say which cluster they came from: the configured context names it.
    return new SnapshotFileInventory(paths, { cluster }).read();
  }
  return notBundled('the inventory export-file reader');
}

function exportCluster(target: TargetConfig): string {
  if (target.provider !== 'kubernetes' || !target.scopes) return 'default';
  const context = target.scopes.contexts[0];
  return context ? (target.scopes.clusterNames[context] ?? context) : 'default';
}
