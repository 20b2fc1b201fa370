import { SEVERITY_RANK } from '../../../../lib/core/model/drift.ts';
import type { DriftRecord, HistoryEvent, ScanRecord } from '../../../../lib/core/model/drift-record.ts';
import {
  ConflictError,
  type DriftQuery,
  type DriftStore,
  type LifecycleWrite,
  type Page,
  type StoreStats,
} from '../../../../lib/core/ports/drift-store.ts';

const clone = <T>(v: T): T => structuredClone(v);

function page<T>(all: T[], limit: number, cursor?: string): Page<T> {
  const start = cursor ? Number(cursor) : 0;
  const items = all.slice(start, start + limit);
  const next = start + limit;
  return next < all.length ? { items, cursor: String(next) } : { items };
}

/**
 * In-memory DriftStore that keeps the port's contract: conditional writes by version (a mismatch
 * throws ConflictError after the writes before it landed, as a batched store would), events keyed
 * by (driftId, eventId) so replays add nothing, and counters of every item written.
 */
export class MemoryDriftStore implements DriftStore {
  readonly records = new Map<string, DriftRecord>();
  readonly events = new Map<string, HistoryEvent>();
  readonly scans = new Map<string, ScanRecord>();
  /** Items written: records, new events and scans (what a DynamoDB write would be billed for). */
  writeCount = 0;
  recordWrites = 0;
  eventWrites = 0;
  scanWrites = 0;
  applyCalls = 0;
  /** Runs before each apply (tests interleave a rival scan here, or make the store fail). */
  beforeApply?: (writes: readonly LifecycleWrite[]) => Promise<void> | void;
  /** Runs before each putScan. */
  beforePutScan?: (scan: ScanRecord) => Promise<void> | void;

  async ensureReady(): Promise<void> {}
  async ping(): Promise<boolean> {
    return true;
  }

  async listOpen(target: string): Promise<DriftRecord[]> {
    return [...this.records.values()]
      .filter((r) => r.target === target && r.status !== 'resolved')
      .map(clone);
  }
  async getMany(ids: readonly string[]): Promise<DriftRecord[]> {
    return ids.flatMap((id) => {
      const r = this.records.get(id);
      return r ? [clone(r)] : [];
    });
  }
  async get(id: string): Promise<DriftRecord | undefined> {
    const r = this.records.get(id);
    return r && clone(r);
  }

  async query(q: DriftQuery): Promise<Page<DriftRecord>> {
    const min = q.severity ? SEVERITY_RANK[q.severity] : 0;
    const all = [...this.records.values()]
      .filter(
        (r) =>
          (!q.status || r.status === q.status) &&
          (!q.target || r.target === q.target) &&
          (!q.provider || r.provider === q.provider) &&
          (!q.scope || r.scope === q.scope) &&
          (!q.type || r.type === q.type) &&
          (!q.category || r.category === q.category) &&
          SEVERITY_RANK[r.severity] >= min &&
          (!q.since || r.lastChangedAt >= q.since),
      )
      .sort((a, b) => b.lastChangedAt.localeCompare(a.lastChangedAt) || a.id.localeCompare(b.id));
    return page(all.map(clone), q.limit, q.cursor);
  }

  async history(id: string, limit: number, cursor?: string): Promise<Page<HistoryEvent>> {
    const all = [...this.events.values()]
      .filter((e) => e.driftId === id)
      .sort((a, b) => a.eventId.localeCompare(b.eventId));
    return page(all.map(clone), limit, cursor);
  }

  /** Every event of a drift, oldest first. */
  eventsOf(id: string): HistoryEvent[] {
    return [...this.events.values()].filter((e) => e.driftId === id).sort((a, b) => a.at.localeCompare(b.at));
  }

  async apply(writes: readonly LifecycleWrite[]): Promise<void> {
    this.applyCalls++;
    await this.beforeApply?.(writes);
    for (const w of writes) {
      const current = this.records.get(w.record.id)?.version ?? 0;
      if (current !== w.expectedVersion) throw new ConflictError(w.record.id);
      if (w.record.version !== w.expectedVersion + 1) throw new Error(`bad version on ${w.record.id}`);
      this.records.set(w.record.id, clone(w.record));
      this.recordWrites++;
      this.writeCount++;
      for (const e of w.events) {
        const key = `${e.driftId}\u0000${e.eventId}`;
        if (this.events.has(key)) continue;
        this.events.set(key, clone(e));
        this.eventWrites++;
        this.writeCount++;
      }
    }
  }

  async putScan(scan: ScanRecord): Promise<void> {
    await this.beforePutScan?.(scan);
    this.scans.set(scan.scanId, clone(scan));
    this.scanWrites++;
    this.writeCount++;
  }
  async getScan(scanId: string): Promise<ScanRecord | undefined> {
    const s = this.scans.get(scanId);
    return s && clone(s);
  }
  async listScans(limit: number, cursor?: string, target?: string): Promise<Page<ScanRecord>> {
    const all = [...this.scans.values()]
      .filter((s) => !target || s.target === target)
      .sort((a, b) => b.startedAt.localeCompare(a.startedAt));
    return page(all.map(clone), limit, cursor);
  }

  async stats(days: number, now: Date): Promise<StoreStats> {
    const tally = (key: (r: DriftRecord) => string, open = true) => {
      const out: Record<string, number> = {};
      for (const r of this.records.values()) {
        if (open && r.status === 'resolved') continue;
        out[key(r)] = (out[key(r)] ?? 0) + 1;
      }
      return out;
    };
    const trend = Array.from({ length: days }, (_, i) => {
      const day = new Date(now.getTime() - (days - 1 - i) * 86_400_000).toISOString().slice(0, 10);
      const onDay = [...this.events.values()].filter((e) => e.at.startsWith(day));
      return {
        day,
        opened: onDay.filter((e) => e.type === 'opened' || e.type === 'reopened').length,
        resolved: onDay.filter((e) => e.type === 'resolved').length,
      };
    });
    const latest = new Map<string, ScanRecord>();
    for (const s of this.scans.values()) {
      const seen = latest.get(s.target);
      if (s.status === 'completed' && (!seen || s.startedAt > seen.startedAt)) latest.set(s.target, s);
    }
    const targets = [...latest.values()].map((s) => ({
      target: s.target,
      lastScanId: s.scanId,
      coverage: s.summary?.coverage ?? 0,
      complete: s.summary?.complete ?? false,
      at: s.startedAt,
    }));
    return {
      byStatus: tally((r) => r.status, false),
      bySeverity: tally((r) => r.severity),
      byProvider: tally((r) => r.provider),
      byCategory: tally((r) => r.category),
      targets,
      trend,
    };
  }

  async purgeTarget(target: string): Promise<number> {
    let n = 0;
    for (const [id, r] of this.records) {
      if (r.target !== target) continue;
      this.records.delete(id);
      n++;
      for (const [k, e] of this.events) if (e.driftId === id && this.events.delete(k)) n++;
    }
    for (const [id, s] of this.scans) if (s.target === target && this.scans.delete(id)) n++;
    return n;
  }
}
