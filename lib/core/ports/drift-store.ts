import type { Severity } from '../model/drift.ts';
import type { DriftRecord, DriftStatus, HistoryEvent, ScanRecord } from '../model/drift-record.ts';
import type { Provider } from '../model/provider.ts';

/** Filters of GET /drifts; every one is served by a key or an index, never a table scan. */
export interface DriftQuery {
  status?: DriftStatus;
  target?: string;
  provider?: Provider;
  scope?: string;
  type?: string;
  category?: string;
  /** Minimum severity. */
  severity?: Severity;
  /** ISO time: only drifts changed at or after it. */
  since?: string;
  limit: number;
  /** Opaque cursor from the previous page. */
  cursor?: string;
}

export interface Page<T> {
  items: T[];
  cursor?: string;
}

/** One unit of work the lifecycle produces for a scan: records to put (with expected versions) and events to add. */
export interface LifecycleWrite {
  /** Record as it should be after the write. */
  record: DriftRecord;
  /** Version the stored record must have (0 = must not exist); a mismatch is a ConflictError. */
  expectedVersion: number;
  events: HistoryEvent[];
}

/** Raised when a conditional write finds a newer version: the caller re-reads and re-applies. */
export class ConflictError extends Error {
  constructor(readonly driftId: string) {
    super(`drift ${driftId} was changed concurrently`);
    this.name = 'ConflictError';
  }
}

/** Persistence of drift records, their history and scans (DynamoDB in production and locally). */
export interface DriftStore {
  /** Creates the table (and indexes) when missing; a no-op when present. */
  ensureReady(): Promise<void>;
  /** True when the store answers (GET /ready). */
  ping(): Promise<boolean>;

  /** Open records (active + acknowledged) of a target, all pages. Used by the lifecycle to diff a scan. */
  listOpen(target: string): Promise<DriftRecord[]>;
  /** Records of a target by id (resolved included), for reopen decisions. */
  getMany(ids: readonly string[]): Promise<DriftRecord[]>;
  get(id: string): Promise<DriftRecord | undefined>;
  query(q: DriftQuery): Promise<Page<DriftRecord>>;
  history(id: string, limit: number, cursor?: string): Promise<Page<HistoryEvent>>;

  /** Applies lifecycle writes: conditional on versions, batched, idempotent per event key. */
  apply(writes: readonly LifecycleWrite[]): Promise<void>;

  putScan(scan: ScanRecord): Promise<void>;
  getScan(scanId: string): Promise<ScanRecord | undefined>;
  listScans(limit: number, cursor?: string, target?: string): Promise<Page<ScanRecord>>;

  /** Daily opened/resolved counts and totals by status/severity/provider/category (GET /stats). */
  stats(days: number, now: Date): Promise<StoreStats>;

  /** Deletes every record, event and scan of a target (a deleted target). */
  purgeTarget(target: string): Promise<number>;
}

export interface StoreStats {
  byStatus: Record<string, number>;
  bySeverity: Record<string, number>;
  byProvider: Record<string, number>;
  byCategory: Record<string, number>;
  /** Latest scan per target with its coverage and completeness. */
  targets: { target: string; lastScanId: string; coverage: number; complete: boolean; at: string }[];
  /** One entry per day, oldest first: drifts opened and resolved that day. */
  trend: { day: string; opened: number; resolved: number }[];
}
