import type { TargetConfig } from '../core/config/index.ts';
import type { InventorySnapshot } from '../core/model/coverage.ts';
import { UsageError } from '../core/model/errors.ts';
import type { InventorySource } from '../core/ports/inventory-source.ts';
import type { ShardSpec } from './shards.ts';

/**
 * The live API inventory of one shard. Adapters are imported when read, so a scan of export files
 * (and a Lambda shard of another cloud) never loads the other clouds' SDKs.
 */
export function liveInventory(target: TargetConfig, shard: ShardSpec): InventorySource {
  return { name: `${target.provider}:${target.name}:${shard.scope}`, read: () => readLive(target, shard) };
}

/*
 * DRIFTWATCH_BUNDLE_PROVIDER is set at bundle time (esbuild define, lib/infra/scan-shard-bundles.ts)
 * to the one provider a ScanShard function serves; unset (CLI, tests) every provider is available.
 * esbuild drops an `import()` only inside an `if` whose condition folds to false while parsing,
 * and folds only the defined expression itself (not a variable holding it): hence the repetition.
 */
async function readLive(target: TargetConfig, shard: ShardSpec): Promise<InventorySnapshot> {
  const only = process.env.DRIFTWATCH_BUNDLE_PROVIDER;
  if (only !== undefined && only !== target.provider)
    throw new UsageError(
      `this scan shard function serves ${only} targets only; ${target.provider} shards go to their own`,
      target.name,
    );
  if (
    (process.env.DRIFTWATCH_BUNDLE_PROVIDER ?? 'aws') === 'aws' &&
    target.provider === 'aws' &&
    target.scopes
  ) {
    const [, account = '', region = ''] = shard.scope.split(':');
    const { AwsInventory } = await import('../adapters/inventory/aws/index.ts');
    return new AwsInventory({ target: target.name, scopes: target.scopes, only: { account, region } }).read();
  }
  if (
    (process.env.DRIFTWATCH_BUNDLE_PROVIDER ?? 'azure') === 'azure' &&
    target.provider === 'azure' &&
    target.scopes
  ) {
    const { AzureResourceGraphInventory } = await import(
      '../adapters/inventory/azure-resource-graph/index.ts'
    );
    // Scope keys lower-case the GUID; the adapter wants the subscription as configured.
    const key = shard.scope.slice('azure:'.length);
    const subscription = target.scopes.subscriptions.find((s) => s.toLowerCase() === key) ?? key;
    return new AzureResourceGraphInventory({
      target: target.name,
      scopes: target.scopes,
      only: subscription,
    }).read();
  }
  if (
    (process.env.DRIFTWATCH_BUNDLE_PROVIDER ?? 'gcp') === 'gcp' &&
    target.provider === 'gcp' &&
    target.scopes &&
    shard.parent
  ) {
    const { GcpCloudAssetInventory } = await import('../adapters/inventory/gcp-cloud-asset/index.ts');
    return new GcpCloudAssetInventory({
      target: target.name,
      scopes: target.scopes,
      only: shard.parent,
    }).read();
  }
  if (
    (process.env.DRIFTWATCH_BUNDLE_PROVIDER ?? 'kubernetes') === 'kubernetes' &&
    target.provider === 'kubernetes' &&
    target.scopes
  ) {
    const { KubernetesInventory } = await import('../adapters/inventory/kubernetes/index.ts');
    const only = shard.parent && shard.parent !== 'current-context' ? { only: shard.parent } : {};
    return new KubernetesInventory({ target: target.name, scopes: target.scopes, ...only }).read();
  }
  throw new Error(`target ${target.name} has no live scopes for shard ${shard.shardId}`);
}
