import { z } from 'zod';
import { DriftKindSchema, SeveritySchema } from '../model/drift.ts';
import { DriftStatusSchema, ResolutionSchema } from '../model/drift-record.ts';
import { ProviderSchema } from '../model/provider.ts';

/**
 * A changed attribute as an event carries it: the path and whether either side was sensitive.
 * Never a value (sensitive or not): subscribers read values from the API, which redacts.
 */
export const ChangedPathSchema = z
  .object({
    path: z.string(),
    sensitive: z.boolean(),
  })
  .strict();
export type ChangedPath = z.infer<typeof ChangedPathSchema>;

/** Fields every event detail carries: a deterministic id consumers dedupe on, and when it happened. */
export const EventBase = {
  /** Deterministic: the same transition replayed has the same id. */
  eventId: z.string().min(1),
  at: z.iso.datetime(),
};

/** What identifies and describes the drift in every Drift* detail. */
export const DriftFields = {
  ...EventBase,
  driftId: z.string().min(1),
  target: z.string().min(1),
  provider: ProviderSchema,
  scope: z.string().optional(),
  type: z.string(),
  nativeType: z.string().optional(),
  address: z.string().nullable(),
  resourceId: z.string(),
  kind: DriftKindSchema,
  category: z.string(),
  severity: SeveritySchema,
  status: DriftStatusSchema,
  changedPaths: z.array(ChangedPathSchema),
};

/** A drift seen for the first time, or back after it was resolved (`reopened`). */
export const DriftDetectedSchema = z
  .object({
    ...DriftFields,
    scanId: z.string().min(1),
    reopened: z.boolean(),
    reopenCount: z.number().int().nonnegative(),
    flapping: z.boolean(),
  })
  .strict();

/** An open drift whose content changed (an acknowledgement on it is cleared: `reason`). */
export const DriftChangedSchema = z
  .object({ ...DriftFields, scanId: z.string().min(1), reason: z.string().optional() })
  .strict();

/** An open drift this scan no longer finds, with how it ended. */
export const DriftResolvedSchema = z
  .object({ ...DriftFields, scanId: z.string().min(1), resolution: ResolutionSchema })
  .strict();

/** A person acknowledged a drift (accepted for now, optionally until `expiresAt`). */
export const DriftAcknowledgedSchema = z
  .object({
    ...DriftFields,
    actor: z.string().min(1),
    reason: z.string().min(1).max(2000),
    expiresAt: z.iso.datetime().optional(),
  })
  .strict();

export type DriftDetected = z.infer<typeof DriftDetectedSchema>;
export type DriftChanged = z.infer<typeof DriftChangedSchema>;
export type DriftResolved = z.infer<typeof DriftResolvedSchema>;
export type DriftAcknowledged = z.infer<typeof DriftAcknowledgedSchema>;
