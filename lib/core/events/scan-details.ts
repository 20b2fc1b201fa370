import { z } from 'zod';
import { ReportSummarySchema } from '../model/report.ts';
import { EventBase } from './drift-details.ts';

/** What one scan did to a target's drift records (the lifecycle's ScanCounts). */
export const ScanEventCountsSchema = z
  .object({
    opened: z.number().int().nonnegative(),
    changed: z.number().int().nonnegative(),
    resolved: z.number().int().nonnegative(),
    reopened: z.number().int().nonnegative(),
    unchanged: z.number().int().nonnegative(),
    expired: z.number().int().nonnegative(),
  })
  .strict();

/** One target's scan finished and was recorded. */
export const ScanCompletedSchema = z
  .object({
    ...EventBase,
    scanId: z.string().min(1),
    target: z.string().min(1),
    startedAt: z.iso.datetime(),
    counts: ScanEventCountsSchema,
    summary: ReportSummarySchema.strict(),
    /** Scopes not listed completely: no drift there was resolved by this scan. */
    incompleteScopes: z.array(z.string()),
  })
  .strict();

/** A scan (one target, or `*`) failed before it could be recorded. */
export const ScanFailedSchema = z
  .object({
    ...EventBase,
    scanId: z.string().min(1),
    target: z.string().min(1),
    /** One line: the error name and message, never a stack or a value. */
    error: z.string().max(2000),
  })
  .strict();

export type ScanCompleted = z.infer<typeof ScanCompletedSchema>;
export type ScanFailed = z.infer<typeof ScanFailedSchema>;
