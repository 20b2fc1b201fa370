import type { Drift } from '../model/drift.ts';
import type { DriftRecord, ScanRecord } from '../model/drift-record.ts';
import type { DriftReport } from '../model/report.ts';
import { ConflictError, type DriftStore } from '../ports/drift-store.ts';
import { driftId } from './drift-id.ts';
import { LifecycleError } from './errors.ts';
import { planScan } from './plan-scan.ts';
import type { ResolutionContext } from './resolution.ts';
import type { ScanCounts } from './scan-counts.ts';

/** Attempts of read-plan-apply before a scan that keeps losing races gives up. */
export const MAX_SCAN_ATTEMPTS = 5;

export interface RecordScanInput {
  target: string;
  scanId: string;
  /** Start of the scan: the time of every transition it causes. */
  startedAt: Date;
  report: DriftReport;
  fingerprint: (d: Drift) => string;
  resolution: ResolutionContext;
  /** Clock for finishedAt (tests pin it). */
  clock?: () => Date;
  /** Fails the scan (status failed) when the store has not answered in time; none by default. */
  timeoutMs?: number;
}

/** The stored scan record plus what the lifecycle did. */
export type RecordedScan = ScanRecord & { counts: ScanCounts; writes: number; attempts: number };

async function plannedAndApplied(store: DriftStore, input: RecordScanInput) {
  const ids = [...new Set(input.report.drifts.map((d) => driftId(input.target, d)))];
  for (let attempt = 1; ; attempt++) {
    const [open, known] = await Promise.all([store.listOpen(input.target), store.getMany(ids)]);
    const previous: DriftRecord[] = [...open, ...known];
    const plan = planScan({ ...input, now: input.startedAt, previous });
    try {
      await store.apply(plan.writes);
      return { ...plan, attempts: attempt };
    } catch (err) {
      // Someone else wrote a record between our read and our write: re-read, re-plan, re-apply.
      // Writes this scan already made are skipped on re-plan (their lastScanId is ours).
      if (!(err instanceof ConflictError) || attempt >= MAX_SCAN_ATTEMPTS) throw err;
    }
  }
}

function withTimeout<T>(work: Promise<T>, ms: number | undefined, scanId: string): Promise<T> {
  if (ms === undefined) return work;
  let timer: ReturnType<typeof setTimeout> | undefined;
  const deadline = new Promise<never>((_, reject) => {
    timer = setTimeout(
      () => reject(new LifecycleError(`drift store did not answer within ${ms} ms`, scanId)),
      ms,
    );
  });
  return Promise.race([work, deadline]).finally(() => clearTimeout(timer));
}

/** Records one scan of a target in the store: scan record, then every lifecycle write, retried on conflicts. */
export async function recordScan(store: DriftStore, input: RecordScanInput): Promise<RecordedScan> {
  const clock = input.clock ?? (() => new Date());
  const running: ScanRecord = {
    scanId: input.scanId,
    target: input.target,
    status: 'running',
    startedAt: input.startedAt.toISOString(),
    scopes: input.report.scopes,
    incompleteScopes: input.report.scopes.filter((s) => !s.complete).map((s) => s.scope),
    opened: 0,
    resolved: 0,
    changed: 0,
  };
  let earlier: ScanRecord | undefined;
  try {
    const plan = await withTimeout(
      (async () => {
        earlier = await store.getScan(input.scanId);
        await store.putScan(running);
        return plannedAndApplied(store, input);
      })(),
      input.timeoutMs,
      input.scanId,
    );
    const done: ScanRecord = {
      ...running,
      status: 'completed',
      finishedAt: clock().toISOString(),
      summary: input.report.summary,
      // A reopened drift is newly active again: the scan record counts it as opened.
      opened: plan.counts.opened + plan.counts.reopened,
      resolved: plan.counts.resolved,
      changed: plan.counts.changed,
    };
    // A re-run of a completed scan cannot see the records it resolved the first time (they left
    // the open list): keep the first run's counts where they are higher.
    if (earlier?.status === 'completed') {
      done.opened = Math.max(done.opened, earlier.opened);
      done.resolved = Math.max(done.resolved, earlier.resolved);
      done.changed = Math.max(done.changed, earlier.changed);
    }
    await withTimeout(store.putScan(done), input.timeoutMs, input.scanId);
    return { ...done, counts: plan.counts, writes: plan.writes.length, attempts: plan.attempts };
  } catch (err) {
    const message = err instanceof Error ? err.message : String(err);
    const failed: ScanRecord = {
      ...running,
      status: 'failed',
      finishedAt: clock().toISOString(),
      error: message,
    };
    // Best effort: when the store is down this fails too, and the original error is what matters.
    await withTimeout(store.putScan(failed), input.timeoutMs, input.scanId).catch(() => undefined);
    throw err;
  }
}
