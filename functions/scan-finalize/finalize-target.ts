import { mergeShardReports, type ShardOutcome } from '../../lib/core/engine/merge-shard-reports.ts';
import { type DriftwatchEvent, eventsFromWrites, scanCompletedEvent } from '../../lib/core/events/index.ts';
import { type RecordedScan, recordScan } from '../../lib/core/lifecycle/index.ts';
import { UsageError } from '../../lib/core/model/errors.ts';
import { DriftReportSchema } from '../../lib/core/model/report.ts';
import { createFingerprint } from '../../lib/runtime/fingerprint.ts';
import { createHasher } from '../../lib/runtime/hasher.ts';
import { resolutionFacts } from '../../lib/runtime/resolution-context.ts';
import { loadTargetDesired } from '../../lib/runtime/target-desired.ts';
import type { ScanDeps } from '../shared/deps.ts';
import { oneLine } from '../shared/errors.ts';
import { liveIdsKey } from '../shared/keys.ts';
import type { ShardLine } from '../shared/shard-line.ts';
import { caughtErrorText, type ShardResult } from './inputs.ts';
import { owedEvents, publishThroughOutbox } from './outbox.ts';
import { RecordingStore } from './recording-store.ts';

export interface TargetFinalizeInput {
  scanId: string;
  /** The id this target's scan is recorded under (see recordScanId). */
  recordId: string;
  target: string;
  startedAt: Date;
  /** This target's manifest lines. */
  lines: readonly ShardLine[];
  results: ReadonlyMap<string, ShardResult>;
}

export interface TargetFinalized {
  recorded: RecordedScan;
  failedShards: number;
  events: number;
}

// An ok shard whose report cannot be read is treated like a failed one: its scope is incomplete.
async function outcomeOf(
  line: ShardLine,
  result: ShardResult | undefined,
  deps: ScanDeps,
  live: Set<string>,
): Promise<ShardOutcome> {
  const failed = (error: string): ShardOutcome => ({
    shardId: line.shardId,
    failed: { provider: line.provider, scope: line.scope, error },
  });
  if (!result) return failed('shard produced no result');
  if (result.status === 'failed') return failed(caughtErrorText(result.error));
  try {
    const report = DriftReportSchema.parse(await deps.blobs.getJson(result.reportKey));
    for await (const id of deps.blobs.getJsonLines(liveIdsKey(line.scanId, line.shardId)))
      if (typeof id === 'string') live.add(id);
    return { shardId: line.shardId, report };
  } catch (err) {
    return failed(`shard report unreadable: ${oneLine(err)}`);
  }
}

/** Merges one target's shards, records the scan (one writer per target) and publishes what it changed. */
export async function finalizeTarget(input: TargetFinalizeInput, deps: ScanDeps): Promise<TargetFinalized> {
  const target = deps.config.targets.find((t) => t.name === input.target);
  if (!target) throw new UsageError(`unknown scan target "${input.target}"`, input.scanId);
  const live = new Set<string>();
  const outcomes: ShardOutcome[] = [];
  for (const line of input.lines)
    outcomes.push(await outcomeOf(line, input.results.get(line.shardId), deps, live));
  const report = mergeShardReports(outcomes);
  const hashKey = await deps.hashKey();
  const states = await loadTargetDesired(target, {
    cwd: deps.cwd,
    hasher: createHasher(hashKey),
    env: deps.env,
    stateCacheDir: '/tmp/driftwatch-state',
  });
  const facts = resolutionFacts(states, { resources: [], coverage: [] });
  const owed = await owedEvents(deps, input.scanId, input.target);
  const earlier = await deps.store.getScan(input.recordId);
  const recorder = new RecordingStore(deps.store);
  const recorded = await recordScan(recorder.store, {
    target: input.target,
    scanId: input.recordId,
    startedAt: input.startedAt,
    report,
    fingerprint: createFingerprint(hashKey),
    resolution: { ...facts, isLive: (id) => live.has(id) },
    clock: deps.now,
  });
  const events: DriftwatchEvent[] = [
    ...owed,
    ...eventsFromWrites(await recorder.confirmed(input.recordId), {
      scanId: input.recordId,
      target: input.target,
    }),
  ];
  // A re-run of a finalize that completed applies no writes; it owes no ScanCompleted either.
  if (earlier?.status !== 'completed') {
    events.push(
      scanCompletedEvent({
        at: recorded.finishedAt ?? deps.now().toISOString(),
        scanId: input.recordId,
        target: input.target,
        startedAt: input.startedAt.toISOString(),
        counts: recorded.counts,
        summary: report.summary,
        incompleteScopes: recorded.incompleteScopes,
      }),
    );
  }
  const sent = await publishThroughOutbox(deps, input.scanId, input.target, events);
  return { recorded, failedShards: outcomes.filter((o) => 'failed' in o).length, events: sent };
}
