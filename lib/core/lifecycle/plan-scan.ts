import type { Drift } from '../model/drift.ts';
import type { DriftRecord } from '../model/drift-record.ts';
import type { DriftReport } from '../model/report.ts';
import type { LifecycleWrite } from '../ports/drift-store.ts';
import { driftId } from './drift-id.ts';
import { eventOf, newRecord, writeOf } from './record-build.ts';
import type { ResolutionContext } from './resolution.ts';
import { coveredCompletely } from './resolution.ts';
import { emptyCounts, type ScanCounts } from './scan-counts.ts';
import { expire, observe, resolve, type Step, touchedAfter } from './transitions.ts';

export interface ScanPlanInput {
  target: string;
  scanId: string;
  /** The scan's start time: re-running the same scan produces identical writes. */
  now: Date;
  report: DriftReport;
  /** Open records of the target plus stored records (resolved ones too) whose ids this scan's drifts have. */
  previous: readonly DriftRecord[];
  /** Keyed hash over a drift's content (see fingerprintMaterial). */
  fingerprint: (d: Drift) => string;
  resolution: ResolutionContext;
}

export interface ScanPlan {
  writes: LifecycleWrite[];
  counts: ScanCounts;
}

// A record this very scan already wrote (an earlier attempt or a re-run shard): it is not written
// again, but counted as what that write was, so a re-run reports the same counts.
function replayed(r: DriftRecord, now: Date): keyof ScanCounts {
  const at = now.toISOString();
  if (r.status === 'resolved' && r.resolvedAt === at) return 'resolved';
  if (r.recentReopens.at(-1) === at) return 'reopened';
  if (r.firstDetectedAt === at) return 'opened';
  if (r.lastChangedAt === at) return 'changed';
  return 'expired';
}

function latestById(records: readonly DriftRecord[], target: string): Map<string, DriftRecord> {
  const out = new Map<string, DriftRecord>();
  for (const r of records) {
    if (r.target !== target) continue;
    const seen = out.get(r.id);
    if (!seen || r.version > seen.version) out.set(r.id, r);
  }
  return out;
}

/** Decides, without I/O, every record write and history event one scan of a target causes. */
export function planScan(input: ScanPlanInput): ScanPlan {
  const { target, scanId, now, report } = input;
  const previous = latestById(input.previous, target);
  const notChecked = new Set(report.notChecked.map((n) => n.address));
  const counts = emptyCounts();
  const writes: LifecycleWrite[] = [];
  const take = (step: Step) => {
    counts[step.count]++;
    if (step.write) writes.push(step.write);
  };
  const seen = new Set<string>();
  for (const d of report.drifts) {
    const id = driftId(target, d);
    if (seen.has(id)) continue;
    seen.add(id);
    const r = previous.get(id);
    if (!r) {
      const opened = newRecord(target, d, input.fingerprint(d), scanId, now);
      take({
        count: 'opened',
        write: writeOf(undefined, opened, [
          eventOf(opened, 'opened', now, { scanId }, { changes: opened.changes }),
        ]),
      });
    } else if (r.lastScanId === scanId) take({ count: replayed(r, now) });
    else if (touchedAfter(r, now)) take({ count: 'unchanged' });
    else take(observe(r, d, input.fingerprint(d), scanId, now));
  }
  for (const r of previous.values()) {
    if (seen.has(r.id) || r.status === 'resolved') continue;
    if (r.lastScanId === scanId) take({ count: replayed(r, now) });
    else if (touchedAfter(r, now)) take({ count: 'unchanged' });
    else if (coveredCompletely(r, report, notChecked)) take(resolve(r, input.resolution, scanId, now));
    else take(expire(r, scanId, now) ?? { count: 'unchanged' });
  }
  return { writes, counts };
}
