import { MetricUnit } from '@aws-lambda-powertools/metrics';
import { emptyCounts, type ScanCounts } from '../../lib/core/lifecycle/index.ts';
import type { ScanRecord } from '../../lib/core/model/drift-record.ts';
import { DriftwatchError } from '../../lib/core/model/errors.ts';
import type { ScanDeps } from '../shared/deps.ts';
import { oneLine, parseInput } from '../shared/errors.ts';
import { recordScanId } from '../shared/keys.ts';
import { type ShardLine, ShardLineSchema } from '../shared/shard-line.ts';
import { finalizeTarget } from './finalize-target.ts';
import { FinalizeInputSchema, type ShardResult } from './inputs.ts';

/** Some targets could not be recorded; the others were. Step Functions retries, then ScanFailed. */
export class FinalizeError extends DriftwatchError {}

export interface FinalizeOutput {
  scanId: string;
  status: 'completed';
  counts: ScanCounts & { targets: number; shards: number; failedShards: number; events: number };
}

async function manifestLines(deps: ScanDeps, key: string): Promise<ShardLine[]> {
  const out: ShardLine[] = [];
  for await (const raw of deps.blobs.getJsonLines(key)) out.push(parseInput(ShardLineSchema, raw, key));
  return out;
}

/** Finalize: merge each target's shards, record it, publish its events, then the whole scan's record. */
export async function runFinalize(raw: unknown, deps: ScanDeps): Promise<FinalizeOutput> {
  const input = parseInput(FinalizeInputSchema, raw, 'scan finalize input');
  const lines = await manifestLines(deps, input.manifest.key);
  const results = new Map<string, ShardResult>(input.shards.map((s) => [s.shardId, s]));
  const startedAt = new Date(input.startedAt);
  const counts: FinalizeOutput['counts'] = {
    ...emptyCounts(),
    targets: input.targets.length,
    shards: lines.length,
    failedShards: 0,
    events: 0,
  };
  const errors: string[] = [];
  const records: ScanRecord[] = [];
  for (const target of input.targets) {
    try {
      const done = await finalizeTarget(
        {
          scanId: input.scanId,
          recordId: recordScanId(input.scanId, target, input.targets),
          target,
          startedAt,
          lines: lines.filter((l) => l.target === target),
          results,
        },
        deps,
      );
      for (const k of Object.keys(done.recorded.counts) as (keyof ScanCounts)[])
        counts[k] += done.recorded.counts[k];
      counts.failedShards += done.failedShards;
      counts.events += done.events;
      records.push(done.recorded);
    } catch (err) {
      // The other targets are still recorded: one writer per target, independent records.
      errors.push(`${target}: ${oneLine(err)}`);
      deps.logger.error('target not recorded', { scanId: input.scanId, target, error: oneLine(err) });
    }
  }
  if (input.targets.length > 1) await putWholeScan(deps, input.scanId, input.startedAt, records, errors);
  if (errors.length > 0) throw new FinalizeError(errors.join('; '), input.scanId);
  for (const [name, n] of [
    ['DriftsOpened', counts.opened + counts.reopened],
    ['DriftsChanged', counts.changed],
    ['DriftsResolved', counts.resolved],
    ['FailedShards', counts.failedShards],
    ['EventsPublished', counts.events],
  ] as const)
    deps.metrics.addMetric(name, MetricUnit.Count, n);
  deps.logger.info('scan finalized', { scanId: input.scanId, ...counts });
  return { scanId: input.scanId, status: 'completed', counts };
}

// A scan of several targets keeps one record under its own id summing the targets' records.
async function putWholeScan(
  deps: ScanDeps,
  scanId: string,
  startedAt: string,
  records: readonly ScanRecord[],
  errors: readonly string[],
): Promise<void> {
  const scopes = records.flatMap((r) => r.scopes);
  await deps.store.putScan({
    scanId,
    target: '*',
    status: errors.length > 0 ? 'failed' : 'completed',
    startedAt,
    finishedAt: deps.now().toISOString(),
    scopes,
    incompleteScopes: records.flatMap((r) => r.incompleteScopes),
    opened: records.reduce((n, r) => n + r.opened, 0),
    resolved: records.reduce((n, r) => n + r.resolved, 0),
    changed: records.reduce((n, r) => n + r.changed, 0),
    ...(errors.length > 0 ? { error: errors.join('; ').slice(0, 2000) } : {}),
  });
}
