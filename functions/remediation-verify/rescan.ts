import { runScan } from '../../lib/core/engine/index.ts';
import { driftId } from '../../lib/core/lifecycle/drift-id.ts';
import type { DriftRecord } from '../../lib/core/model/drift-record.ts';
import { UsageError } from '../../lib/core/model/errors.ts';
import {
  createHasher,
  defaultClassifier,
  defaultRegistry,
  inventoryForShard,
  loadTargetDesired,
  planShards,
} from '../../lib/runtime/index.ts';
import type { RemediationDeps } from '../remediation-plan/deps.ts';

const registry = defaultRegistry();

/** What a rescan of one drift's resource found. */
export interface RescanResult {
  /** The same drift (same id) is still there. */
  stillDrifted: boolean;
  /** Every scope read was listed completely; otherwise absence proves nothing. */
  complete: boolean;
}

/**
 * Rescans the one resource of a drift: the target's desired state against the inventory of the
 * drift's scope only (the shard a scan would use), then looks for the drift's id in the result.
 * Reusing the scan path (not a per-type read) means the same normalizers and rules decide.
 */
export async function rescanDrift(record: DriftRecord, deps: RemediationDeps): Promise<RescanResult> {
  const target = deps.config.targets.find((t) => t.name === record.target);
  if (!target) throw new UsageError(`unknown scan target "${record.target}"`, record.id);
  const hasher = createHasher(await deps.hashKey());
  const ctx = { cwd: deps.cwd, hasher, env: deps.env, stateCacheDir: '/tmp/driftwatch-state' };
  const shards = planShards(target).filter(
    (s) => s.scope === 'export' || !record.scope || s.scope === record.scope,
  );
  const states = await loadTargetDesired(target, ctx);
  let stillDrifted = false;
  let complete = true;
  for (const shard of shards) {
    const inventory = await inventoryForShard(target, shard, ctx).read();
    const report = runScan({
      states,
      inventory,
      registry,
      hasher,
      classify: defaultClassifier,
      now: deps.now,
    });
    complete &&= report.scopes.every((s) => s.complete);
    stillDrifted ||= report.drifts.some((d) => driftId(record.target, d) === record.id);
  }
  return { stillDrifted, complete };
}
