import { z } from 'zod';
import { DriftSchema } from './drift.ts';
import { ProviderSchema } from './provider.ts';

export const ScopeReportSchema = z.object({
  provider: ProviderSchema,
  scope: z.string(),
  complete: z.boolean(),
  reason: z.string().optional(),
  /** Native types the inventory evidently covers here ('*' = all). */
  nativeTypes: z.union([z.literal('*'), z.array(z.string())]),
});

/** A declared resource that could not be checked, with why (no coverage evidence, unknown identity ...). */
export const NotCheckedSchema = z.object({
  address: z.string(),
  type: z.string(),
  id: z.string().nullable(),
  reason: z.string(),
});

/** Counts of one scan: the report's `summary`, also kept on each stored scan record. */
export const ReportSummarySchema = z.object({
  managed: z.number().int(),
  unmanaged: z.number().int(),
  missing: z.number().int(),
  changed: z.number().int(),
  coverage: z.number(),
  complete: z.boolean(),
});

/** The drift report: the CLI's JSON contract (`version: 1`). */
export const DriftReportSchema = z.object({
  version: z.literal(1),
  summary: ReportSummarySchema,
  drifts: z.array(DriftSchema),
  scopes: z.array(ScopeReportSchema),
  notChecked: z.array(NotCheckedSchema),
  /** Matched types compared by existence only (no attribute mapping on both sides). */
  existenceOnly: z.array(z.string()),
  /** Drifts suppressed by ignore rules (count only). */
  ignored: z.number().int(),
  generatedAt: z.string(),
});
export type DriftReport = z.infer<typeof DriftReportSchema>;
export type ScopeReport = z.infer<typeof ScopeReportSchema>;
export type NotChecked = z.infer<typeof NotCheckedSchema>;
