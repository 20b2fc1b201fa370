import { MetricUnit } from '@aws-lambda-powertools/metrics';
import { runScan } from '../../lib/core/engine/index.ts';
import { UsageError } from '../../lib/core/model/errors.ts';
import { defaultClassifier, defaultRegistry } from '../../lib/runtime/compose.ts';
import type { RuntimeContext } from '../../lib/runtime/context.ts';
import { createHasher } from '../../lib/runtime/hasher.ts';
import { liveIds } from '../../lib/runtime/resolution-context.ts';
import { inventoryForShard } from '../../lib/runtime/shard-inventory.ts';
import { loadTargetDesired } from '../../lib/runtime/target-desired.ts';
import type { ScanDeps } from '../shared/deps.ts';
import { parseInput } from '../shared/errors.ts';
import { liveIdsKey, reportKey } from '../shared/keys.ts';
import { ShardLineSchema } from '../shared/shard-line.ts';
import { loadIgnorePolicy } from './ignore-policy.ts';

/** What ScanShard returns into the Map output (docs/workflows.md). */
export interface ShardOutput {
  shardId: string;
  target: string;
  status: 'ok';
  reportKey: string;
  drifts: number;
  complete: boolean;
}

const registry = defaultRegistry();

/**
 * ScanShard: the target's whole desired state against one scope's inventory. A scope whose listing
 * failed shows as an incomplete scope in the report; anything harder throws, for Retry/Catch.
 */
export async function runShard(raw: unknown, deps: ScanDeps): Promise<ShardOutput> {
  const shard = parseInput(ShardLineSchema, raw, 'scan shard input');
  const target = deps.config.targets.find((t) => t.name === shard.target);
  if (!target) throw new UsageError(`unknown scan target "${shard.target}"`, shard.shardId);
  const hasher = createHasher(await deps.hashKey());
  const ctx: RuntimeContext = {
    cwd: deps.cwd,
    hasher,
    env: deps.env,
    stateCacheDir: '/tmp/driftwatch-state',
  };
  const startedAt = new Date(shard.startedAt);
  const [states, inventory, ignore] = await Promise.all([
    loadTargetDesired(target, ctx),
    inventoryForShard(target, shard, ctx).read(),
    loadIgnorePolicy([deps.config.ignore, target.ignore], deps.cwd),
  ]);
  const report = runScan({
    states,
    inventory,
    registry,
    hasher,
    classify: defaultClassifier,
    ...(ignore ? { ignore } : {}),
    now: () => startedAt,
  });
  const key = reportKey(shard.scanId, shard.shardId);
  // Ids only (no attributes): what Finalize needs to tell "deleted" from "fixed".
  const ids = liveIds(inventory);
  await deps.blobs.putJsonLines(liveIdsKey(shard.scanId, shard.shardId), [...ids].sort());
  await deps.blobs.putJson(key, report);
  deps.metrics.addMetric('ShardDrifts', MetricUnit.Count, report.drifts.length);
  deps.metrics.addMetric(
    'IncompleteScopes',
    MetricUnit.Count,
    report.scopes.filter((s) => !s.complete).length,
  );
  deps.logger.info('shard scanned', {
    shardId: shard.shardId,
    drifts: report.drifts.length,
    complete: report.summary.complete,
  });
  return {
    shardId: shard.shardId,
    target: shard.target,
    status: 'ok',
    reportKey: key,
    drifts: report.drifts.length,
    complete: report.scopes.every((s) => s.complete),
  };
}
