import { z } from 'zod';
import { AttributeChangeSchema, DriftKindSchema, SeveritySchema } from './drift.ts';
import { ProviderSchema } from './provider.ts';
import { ReportSummarySchema, ScopeReportSchema } from './report.ts';

export const DriftStatusSchema = z.enum(['active', 'resolved', 'acknowledged']);
export type DriftStatus = z.infer<typeof DriftStatusSchema>;

/** How a drift stopped: the live side was put back, the code/state now says what runs, or the resource is gone. */
export const ResolutionSchema = z.enum(['fixed_live', 'state_updated', 'resource_deleted']);
export type Resolution = z.infer<typeof ResolutionSchema>;

export const AcknowledgementSchema = z.object({
  by: z.string().min(1),
  reason: z.string().min(1).max(2000),
  at: z.iso.datetime(),
  /** When set, the acknowledgement lapses then and the drift is active again. */
  expiresAt: z.iso.datetime().optional(),
});
export type Acknowledgement = z.infer<typeof AcknowledgementSchema>;

/**
 * The current state of one drift of one resource in one scan target: the unit the store keeps,
 * the API lists and the lifecycle moves. Values in `changes` are already redacted; `fingerprint`
 * is a keyed hash over kind + changes (sensitive ones by their hash), so "same drift as last scan"
 * is decided without any plain value.
 */
export const DriftRecordSchema = z.object({
  /** Stable id: hash of target + identity (see driftKey). */
  id: z.string(),
  target: z.string(),
  /** What identifies the resource within the target: address for declared, live id for unmanaged. */
  identity: z.string(),
  kind: DriftKindSchema,
  provider: ProviderSchema,
  type: z.string(),
  address: z.string().nullable(),
  resourceId: z.string(),
  scope: z.string().optional(),
  nativeType: z.string().optional(),
  category: z.string(),
  severity: SeveritySchema,
  changes: z.array(AttributeChangeSchema),
  fingerprint: z.string(),
  status: DriftStatusSchema,
  firstDetectedAt: z.iso.datetime(),
  lastChangedAt: z.iso.datetime(),
  resolvedAt: z.iso.datetime().optional(),
  resolution: ResolutionSchema.optional(),
  /** Times this drift came back after being resolved. */
  reopenCount: z.number().int().nonnegative(),
  /** Reopen times within the last 24 h (for the flapping flag). */
  recentReopens: z.array(z.iso.datetime()),
  flapping: z.boolean(),
  acknowledgement: AcknowledgementSchema.optional(),
  /** Scan that last changed this record (re-running that scan is a no-op). */
  lastScanId: z.string(),
  /** Optimistic-concurrency version, +1 on every write. */
  version: z.number().int().nonnegative(),
});
export type DriftRecord = z.infer<typeof DriftRecordSchema>;

export const HistoryEventTypeSchema = z.enum([
  'opened',
  'changed',
  'resolved',
  'reopened',
  'acknowledged',
  'unacknowledged',
  'acknowledgement_expired',
  'remediation_requested',
  'remediation_approved',
  'remediation_rejected',
  'remediation_expired',
  'remediation_executed',
  'remediation_failed',
]);
export type HistoryEventType = z.infer<typeof HistoryEventTypeSchema>;

/** One transition of a drift record, appended, never rewritten. */
export const HistoryEventSchema = z.object({
  driftId: z.string(),
  /** Unique per drift: `<at>#<scanId or actor>#<type>`, so a replayed scan writes the same key. */
  eventId: z.string(),
  type: HistoryEventTypeSchema,
  at: z.iso.datetime(),
  scanId: z.string().optional(),
  actor: z.string().optional(),
  status: DriftStatusSchema,
  severity: SeveritySchema,
  /** Redacted changes at that moment (opened/changed/reopened). */
  changes: z.array(AttributeChangeSchema).optional(),
  resolution: ResolutionSchema.optional(),
  reason: z.string().optional(),
});
export type HistoryEvent = z.infer<typeof HistoryEventSchema>;

/** One scan of one target. */
export const ScanRecordSchema = z.object({
  scanId: z.string(),
  target: z.string(),
  status: z.enum(['running', 'completed', 'failed']),
  startedAt: z.iso.datetime(),
  finishedAt: z.iso.datetime().optional(),
  summary: ReportSummarySchema.optional(),
  scopes: z.array(ScopeReportSchema).default([]),
  /** Scopes whose listing failed or was cut short: no drift in them is resolved from this scan (drift seen there is still opened). */
  incompleteScopes: z.array(z.string()).default([]),
  opened: z.number().int().default(0),
  resolved: z.number().int().default(0),
  changed: z.number().int().default(0),
  error: z.string().optional(),
});
export type ScanRecord = z.infer<typeof ScanRecordSchema>;
