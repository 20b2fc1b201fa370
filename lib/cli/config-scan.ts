import { resolve } from 'node:path';
import { mapLimited } from '../adapters/shared/retry/index.ts';
import type { TargetConfig } from '../core/config/index.ts';
import { runScan } from '../core/engine/scan.ts';
import type { InventorySnapshot } from '../core/model/coverage.ts';
import { UsageError } from '../core/model/errors.ts';
import type { DriftReport } from '../core/model/report.ts';
import type { SensitiveHasher } from '../core/model/sensitive.ts';
import type { StateResource } from '../core/model/state-resource.ts';
import { defaultClassifier, defaultRegistry } from '../runtime/compose.ts';
import type { RuntimeContext } from '../runtime/context.ts';
import { planShards } from '../runtime/shards.ts';
import { inventoryForShard, loadTargetDesired } from '../runtime/target-sources.ts';
import type { LoadedConfig } from './config-file.ts';
import { loadIgnore } from './load-inputs.ts';

/** One target's finished scan, with the inputs the store needs to explain resolutions. */
export interface TargetScan {
  target: string;
  startedAt: Date;
  report: DriftReport;
  states: StateResource[];
  inventory: InventorySnapshot;
}

/** Scans every target of a config file (or the one named), shard by shard like the deployed scanner. */
export async function scanConfigTargets(
  loaded: LoadedConfig,
  opts: {
    only?: string;
    hasher: SensitiveHasher;
    env: Record<string, string | undefined>;
    stateCacheDir?: string;
    note: (s: string) => void;
    notice: (line: string) => void;
  },
): Promise<TargetScan[]> {
  const targets = loaded.config.targets.filter((t) => !opts.only || t.name === opts.only);
  if (targets.length === 0) {
    const known = loaded.config.targets.map((t) => t.name).join(', ');
    throw new UsageError(`no target "${opts.only}" in the config (known: ${known})`, loaded.file);
  }
  const ctx: RuntimeContext = {
    cwd: loaded.baseDir,
    hasher: opts.hasher,
    env: opts.env,
    notice: opts.notice,
    ...(opts.stateCacheDir ? { stateCacheDir: opts.stateCacheDir } : {}),
  };
  const out: TargetScan[] = [];
  for (const target of targets) out.push(await scanTarget(target, loaded, ctx, opts.note));
  return out;
}

async function scanTarget(
  target: TargetConfig,
  loaded: LoadedConfig,
  ctx: RuntimeContext,
  note: (s: string) => void,
): Promise<TargetScan> {
  note(`${target.name}: reading state`);
  const states = await loadTargetDesired(target, ctx);
  const shards = planShards(target);
  note(`${target.name}: reading inventory (${shards.length} scope${shards.length === 1 ? '' : 's'})`);
  // Scopes are read concurrently; each adapter caps its own API concurrency and marks failed scopes.
  const snapshots = await mapLimited(shards, 4, (s) => inventoryForShard(target, s, ctx).read());
  const inventory: InventorySnapshot = {
    resources: snapshots.flatMap((s) => s.resources),
    coverage: snapshots.flatMap((s) => s.coverage),
  };
  const ignorePath = target.ignore ?? loaded.config.ignore;
  const ignore = loadIgnore(ignorePath ? resolve(loaded.baseDir, ignorePath) : undefined, loaded.baseDir);
  const startedAt = new Date();
  const report = runScan({
    states,
    inventory,
    registry: defaultRegistry(),
    hasher: ctx.hasher,
    classify: defaultClassifier,
    ...(ignore ? { ignore } : {}),
    now: () => startedAt,
  });
  return { target: target.name, startedAt, report, states, inventory };
}
