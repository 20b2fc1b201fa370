import type { TargetConfig } from '../core/config/index.ts';
import type { InventorySnapshot } from '../core/model/coverage.ts';
import type { InventorySource } from '../core/ports/inventory-source.ts';
import type { ShardSpec } from './shards.ts';

/**
 * The live API inventory of one shard. Adapters are imported when read, so a scan of export files
 * (and a Lambda shard of another cloud) never loads the other clouds' SDKs.
 */
export function liveInventory(target: TargetConfig, shard: ShardSpec): InventorySource {
  return { name: `${target.provider}:${target.name}:${shard.scope}`, read: () => readLive(target, shard) };
}

async function readLive(target: TargetConfig, shard: ShardSpec): Promise<InventorySnapshot> {
  switch (target.provider) {
    case 'aws': {
      const scopes = target.scopes;
      if (!scopes) break;
      const [, account = '', region = ''] = shard.scope.split(':');
      const { AwsInventory } = await import('../adapters/inventory/aws/index.ts');
      return new AwsInventory({ target: target.name, scopes, only: { account, region } }).read();
    }
    case 'azure': {
      if (!target.scopes) break;
      const { AzureResourceGraphInventory } = await import(
        '../adapters/inventory/azure-resource-graph/index.ts'
      );
      const subscription = shard.scope.slice('azure:'.length);
      return new AzureResourceGraphInventory({
        target: target.name,
        scopes: target.scopes,
        only: subscription,
      }).read();
    }
    case 'gcp': {
      if (!target.scopes || !shard.parent) break;
      const { GcpCloudAssetInventory } = await import('../adapters/inventory/gcp-cloud-asset/index.ts');
      return new GcpCloudAssetInventory({
        target: target.name,
        scopes: target.scopes,
        only: shard.parent,
      }).read();
    }
    case 'kubernetes': {
      if (!target.scopes) break;
      const { KubernetesInventory } = await import('../adapters/inventory/kubernetes/index.ts');
      const only = shard.parent && shard.parent !== 'current-context' ? { only: shard.parent } : {};
      return new KubernetesInventory({ target: target.name, scopes: target.scopes, ...only }).read();
    }
  }
  throw new Error(`target ${target.name} has no live scopes for shard ${shard.shardId}`);
}
