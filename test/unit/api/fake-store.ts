import { SEVERITY_RANK } from '../../../lib/core/model/drift.ts';
import type { DriftRecord, HistoryEvent, ScanRecord } from '../../../lib/core/model/drift-record.ts';
import {
  ConflictError,
  type DriftQuery,
  type DriftStore,
  type LifecycleWrite,
  type Page,
  type StoreStats,
} from '../../../lib/core/ports/drift-store.ts';

/** In-memory DriftStore for API tests: Map-backed, newest first, cursor = base64 of the next index. */
export class FakeDriftStore implements DriftStore {
  readonly records = new Map<string, DriftRecord>();
  readonly events = new Map<string, HistoryEvent[]>();
  readonly scans = new Map<string, ScanRecord>();
  /** Every apply() call, in order (conflicting ones included). */
  readonly applied: LifecycleWrite[][] = [];
  /** The next N apply() calls throw ConflictError, as if a scan wrote in between. */
  conflicts = 0;
  up = true;
  /** When set, every read throws it (a store failure the API must not leak). */
  failure: Error | undefined;
  lastQuery: DriftQuery | undefined;

  async ensureReady(): Promise<void> {}
  async ping(): Promise<boolean> {
    return this.up;
  }
  async listOpen(target: string): Promise<DriftRecord[]> {
    return [...this.records.values()].filter((r) => r.target === target && r.status !== 'resolved');
  }
  async getMany(ids: readonly string[]): Promise<DriftRecord[]> {
    return ids.flatMap((id) => this.records.get(id) ?? []);
  }
  async get(id: string): Promise<DriftRecord | undefined> {
    this.#check();
    return this.records.get(id);
  }
  async query(q: DriftQuery): Promise<Page<DriftRecord>> {
    this.#check();
    this.lastQuery = q;
    const min = q.severity ? SEVERITY_RANK[q.severity] : 0;
    const hits = [...this.records.values()]
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
    return paginate(hits, q.limit, q.cursor);
  }
  async history(id: string, limit: number, cursor?: string): Promise<Page<HistoryEvent>> {
    this.#check();
    const events = [...(this.events.get(id) ?? [])].sort((a, b) => b.at.localeCompare(a.at));
    return paginate(events, limit, cursor);
  }
  async apply(writes: readonly LifecycleWrite[]): Promise<void> {
    this.applied.push([...writes]);
    if (this.conflicts > 0) {
      this.conflicts -= 1;
      throw new ConflictError(writes[0]?.record.id ?? '?');
    }
    for (const w of writes) {
      const current = this.records.get(w.record.id)?.version ?? 0;
      if (current !== w.expectedVersion) throw new ConflictError(w.record.id);
      this.records.set(w.record.id, w.record);
      const list = this.events.get(w.record.id) ?? [];
      for (const e of w.events) if (!list.some((x) => x.eventId === e.eventId)) list.push(e);
      this.events.set(w.record.id, list);
    }
  }
  async putScan(scan: ScanRecord): Promise<void> {
    this.scans.set(scan.scanId, scan);
  }
  async getScan(scanId: string): Promise<ScanRecord | undefined> {
    this.#check();
    return this.scans.get(scanId);
  }
  async listScans(limit: number, cursor?: string, target?: string): Promise<Page<ScanRecord>> {
    this.#check();
    const scans = [...this.scans.values()]
      .filter((s) => !target || s.target === target)
      .sort((a, b) => b.startedAt.localeCompare(a.startedAt));
    return paginate(scans, limit, cursor);
  }
  async stats(days: number, now: Date): Promise<StoreStats> {
    this.#check();
    return fakeStats([...this.records.values()], [...this.scans.values()], days, now);
  }
  async purgeTarget(target: string): Promise<number> {
    let n = 0;
    for (const [id, r] of this.records) if (r.target === target && this.records.delete(id)) n++;
    return n;
  }
  /** Seeds records (with their version as stored) without going through apply. */
  seed(...records: DriftRecord[]): this {
    for (const r of records) this.records.set(r.id, r);
    return this;
  }
  #check(): void {
    if (this.failure) throw this.failure;
  }
}

function paginate<T>(items: T[], limit: number, cursor: string | undefined): Page<T> {
  const start = cursor === undefined ? 0 : Number(Buffer.from(cursor, 'base64').toString('utf8'));
  if (!Number.isInteger(start) || start < 0) throw new Error('fake store: bad cursor');
  const end = start + limit;
  const page: Page<T> = { items: items.slice(start, end) };
  if (end < items.length) page.cursor = Buffer.from(String(end), 'utf8').toString('base64');
  return page;
}

function fakeStats(records: DriftRecord[], scans: ScanRecord[], days: number, now: Date): StoreStats {
  const count = (key: (r: DriftRecord) => string) => {
    const acc: Record<string, number> = {};
    for (const r of records) acc[key(r)] = (acc[key(r)] ?? 0) + 1;
    return acc;
  };
  const latest = new Map<string, ScanRecord>();
  for (const s of scans) if ((latest.get(s.target)?.startedAt ?? '') < s.startedAt) latest.set(s.target, s);
  const trend = Array.from({ length: days }, (_, i) => {
    const day = new Date(now.getTime() - (days - 1 - i) * 86_400_000).toISOString().slice(0, 10);
    return {
      day,
      opened: records.filter((r) => r.firstDetectedAt.startsWith(day)).length,
      resolved: records.filter((r) => r.resolvedAt?.startsWith(day)).length,
    };
  });
  return {
    byStatus: count((r) => r.status),
    bySeverity: count((r) => r.severity),
    byProvider: count((r) => r.provider),
    byCategory: count((r) => r.category),
    targets: [...latest.values()].map((s) => ({
      target: s.target,
      lastScanId: s.scanId,
      coverage: s.summary?.coverage ?? 0,
      complete: s.summary?.complete ?? false,
      at: s.finishedAt ?? s.startedAt,
    })),
    trend,
  };
}
