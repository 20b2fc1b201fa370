import { randomBytes } from 'node:crypto';
import { z } from 'zod';
import type { TargetConfig } from '../../lib/core/config/index.ts';
import { UsageError } from '../../lib/core/model/errors.ts';
import { planShards } from '../../lib/runtime/shards.ts';
import type { ScanDeps } from '../shared/deps.ts';
import { parseInput } from '../shared/errors.ts';
import { manifestKey, recordScanId } from '../shared/keys.ts';
import type { ShardLine } from '../shared/shard-line.ts';

/** State machine input: from EventBridge Scheduler (one target), or POST /scans. */
export const PlanInputSchema = z.object({
  // Becomes part of S3 keys and scan ids: the execution-name alphabet only.
  scanId: z
    .string()
    .regex(/^[A-Za-z0-9_-]{1,80}$/)
    .optional(),
  target: z.string().min(1),
  trigger: z.enum(['schedule', 'api', 'manual']).default('manual'),
});
export type PlanInput = z.infer<typeof PlanInputSchema>;

export interface PlanOutput {
  scanId: string;
  targets: string[];
  startedAt: string;
  manifest: { bucket: string; key: string };
  shardCount: number;
}

/** The targets a scan covers: `*` = every configured target, else the one named. */
export function selectTargets(targets: readonly TargetConfig[], wanted: string): TargetConfig[] {
  if (wanted === '*') return [...targets];
  const t = targets.find((x) => x.name === wanted);
  if (!t) {
    const known = targets.map((x) => x.name).join(', ');
    throw new UsageError(`unknown scan target "${wanted}" (known: ${known})`);
  }
  return [t];
}

/** A fresh scan id in the execution-name alphabet (the API uses the same shape). */
export function newScanId(now: Date): string {
  return `scan-${now.toISOString().replace(/[:.]/g, '-')}-${randomBytes(4).toString('hex')}`;
}

/** Plan: expand the targets into shards, write the manifest, record each target's scan as running. */
export async function runPlan(raw: unknown, deps: ScanDeps): Promise<PlanOutput> {
  const input = parseInput(PlanInputSchema, raw, 'scan plan input');
  const now = deps.now();
  const scanId = input.scanId ?? newScanId(now);
  const startedAt = now.toISOString();
  const targets = selectTargets(deps.config.targets, input.target);
  const names = targets.map((t) => t.name);
  const lines: ShardLine[] = targets.flatMap((t) => planShards(t).map((s) => ({ scanId, ...s, startedAt })));
  const key = manifestKey(scanId);
  await deps.blobs.putJsonLines(key, lines);
  const running = (id: string, target: string) =>
    deps.store.putScan({
      scanId: id,
      target,
      status: 'running',
      startedAt,
      scopes: [],
      incompleteScopes: [],
      opened: 0,
      resolved: 0,
      changed: 0,
    });
  if (names.length > 1) await running(scanId, input.target);
  for (const t of names) await running(recordScanId(scanId, t, names), t);
  deps.logger.info('scan planned', { scanId, targets: names, shards: lines.length, trigger: input.trigger });
  return {
    scanId,
    targets: names,
    startedAt,
    manifest: { bucket: deps.blobs.bucket, key },
    shardCount: lines.length,
  };
}
