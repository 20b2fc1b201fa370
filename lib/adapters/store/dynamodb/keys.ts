import type { Severity } from '../../../core/model/drift.ts';
import type { DriftStatus } from '../../../core/model/drift-record.ts';

// Single-table key design; docs/data-model.md is the reference for every item type and access pattern.

export const PK = 'pk';
export const SK = 'sk';
export const RECORD_SK = 'RECORD';
export const SCAN_SK = 'SCAN';
export const EVENT_PREFIX = 'EVENT#';
export const TTL_ATTR = 'expiresAt';

/** The overloaded global secondary indexes (all project ALL attributes). */
export const GSI = {
  /** records: status × severity; scans: all, newest first; events: per-day opened/resolved. */
  g1: { name: 'gsi1', pk: 'gsi1pk', sk: 'gsi1sk' },
  /** records: target × status; scans: per target, newest first. */
  g2: { name: 'gsi2', pk: 'gsi2pk', sk: 'gsi2sk' },
  /** records: status × provider. */
  g3: { name: 'gsi3', pk: 'gsi3pk', sk: 'gsi3sk' },
  /** records: status × scope. */
  g4: { name: 'gsi4', pk: 'gsi4pk', sk: 'gsi4sk' },
  /** records: status × resource type. */
  g5: { name: 'gsi5', pk: 'gsi5pk', sk: 'gsi5sk' },
  /** records: status × category. */
  g6: { name: 'gsi6', pk: 'gsi6pk', sk: 'gsi6sk' },
} as const;
export type IndexDef = (typeof GSI)[keyof typeof GSI];
/** The base table seen as an "index" so queries over it share one code path. */
export const TABLE_INDEX = { name: '', pk: PK, sk: SK } as const;
export type KeyDef = IndexDef | typeof TABLE_INDEX;

export const driftPk = (id: string): string => `DRIFT#${id}`;
export const scanPk = (scanId: string): string => `SCAN#${scanId}`;
export const eventSk = (eventId: string): string => `${EVENT_PREFIX}${eventId}`;

export const sevPartition = (s: DriftStatus, v: Severity): string => `STATUS#${s}#SEV#${v}`;
export const targetPartition = (t: string, s: DriftStatus): string => `TARGET#${t}#STATUS#${s}`;
export const providerPartition = (s: DriftStatus, p: string): string => `STATUS#${s}#PROVIDER#${p}`;
export const scopePartition = (s: DriftStatus, scope: string): string => `STATUS#${s}#SCOPE#${scope}`;
export const typePartition = (s: DriftStatus, t: string): string => `STATUS#${s}#TYPE#${t}`;
export const categoryPartition = (s: DriftStatus, c: string): string => `STATUS#${s}#CAT#${c}`;
/** Sort key shared by every record index: newest first when read backwards, `since` is a key condition. */
export const timeSk = (at: string, id: string): string => `${at}#${id}`;

export const ALL_SCANS = 'SCANS';
export const targetScans = (t: string): string => `SCANS#TARGET#${t}`;
export const dayPartition = (day: string): string => `DAY#${day}`;
export const OPEN_MARK = 'OPEN#';
export const RESOLVE_MARK = 'RESOLVE#';
