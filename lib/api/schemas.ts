import { z } from 'zod';
import { SeveritySchema } from '../core/model/drift.ts';
import {
  DriftRecordSchema,
  DriftStatusSchema,
  HistoryEventSchema,
  ScanRecordSchema,
} from '../core/model/drift-record.ts';
import { ProviderSchema } from '../core/model/provider.ts';

// Request and response schemas of the query API. The router validates with them, the OpenAPI
// document is generated from them, and the MCP server and dashboard reuse them.

export { DriftRecordSchema, HistoryEventSchema, ScanRecordSchema };

/** Page size: 1..500, default 50. Coerced because query strings are text. */
export const LimitSchema = z.coerce
  .number()
  .int()
  .min(1)
  .max(500)
  .default(50)
  .meta({ description: 'Page size (1..500).' });

/** Opaque cursor from the previous page's `nextCursor` (base64url). */
export const CursorSchema = z
  .string()
  .min(1)
  .max(4096)
  .regex(/^[A-Za-z0-9_-]+$/, 'cursor is not one this API issued')
  .meta({ description: "Opaque cursor: the previous page's nextCursor." });

const Text = z.string().min(1).max(1024);
/** Any printable id, no control characters (ids arrive percent-decoded from the path). */
export const IdSchema = z
  .string()
  .min(1)
  .max(512)
  .regex(/^[^\p{Cc}]+$/u, 'must not contain control characters');
/** ISO 8601 with offset, normalised to UTC `Z` so stored times compare as strings. */
export const IsoTimeSchema = z.iso.datetime({ offset: true }).transform((s) => new Date(s).toISOString());

export const DriftListQuerySchema = z.strictObject({
  status: DriftStatusSchema.optional(),
  target: Text.optional().meta({ description: 'Scan target.' }),
  provider: ProviderSchema.optional(),
  scope: Text.optional().meta({
    description: 'Coverage scope (account/region, subscription, project, cluster).',
  }),
  type: Text.optional().meta({ description: 'Resource type (Terraform type or native type).' }),
  category: Text.optional(),
  severity: SeveritySchema.optional().meta({ description: 'Minimum severity: this one and above.' }),
  since: IsoTimeSchema.optional().meta({ description: 'Only drifts changed at or after this time.' }),
  limit: LimitSchema,
  cursor: CursorSchema.optional(),
});
export type DriftListQuery = z.output<typeof DriftListQuerySchema>;

export const HistoryQuerySchema = z.strictObject({ limit: LimitSchema, cursor: CursorSchema.optional() });
export const ScanListQuerySchema = z.strictObject({
  target: Text.optional(),
  limit: LimitSchema,
  cursor: CursorSchema.optional(),
});
export const NoQuerySchema = z.strictObject({});

export const DriftIdParamsSchema = z.strictObject({ id: IdSchema.meta({ description: 'Drift id.' }) });
export const ScanIdParamsSchema = z.strictObject({ id: IdSchema.meta({ description: 'Scan id.' }) });

export const AcknowledgeBodySchema = z.strictObject({
  reason: z.string().trim().min(1).max(2000),
  expiresAt: IsoTimeSchema.optional().meta({ description: 'When the acknowledgement lapses (future).' }),
});
export type AcknowledgeBody = z.output<typeof AcknowledgeBodySchema>;
export const UnacknowledgeBodySchema = z.strictObject({});
export const TriggerScanBodySchema = z.strictObject({ target: Text.optional() });

export const HealthSchema = z.object({ status: z.literal('ok') });
export const ReadySchema = z.object({ status: z.enum(['ready', 'unavailable']) });

const page = <T extends z.ZodType>(item: T) =>
  z.object({ items: z.array(item), nextCursor: CursorSchema.optional() });
export const DriftPageSchema = page(DriftRecordSchema);
export const HistoryPageSchema = page(HistoryEventSchema);
export const ScanPageSchema = page(ScanRecordSchema);

const Counts = z.record(z.string(), z.number().int().nonnegative());
// Response schemas strip unknown fields (z.object): whatever else a store returns never reaches a caller.
export const StatsSchema = z.object({
  byStatus: Counts,
  bySeverity: Counts,
  byProvider: Counts,
  byCategory: Counts,
  targets: z.array(
    z.object({
      target: z.string(),
      lastScanId: z.string(),
      coverage: z.number(),
      complete: z.boolean(),
      at: z.string(),
    }),
  ),
  trend: z.array(
    z.object({
      day: z.string(),
      opened: z.number().int().nonnegative(),
      resolved: z.number().int().nonnegative(),
    }),
  ),
});

/** One validation problem: where (query, path, body), the path inside it, zod's code and message. */
export const IssueSchema = z.object({
  location: z.enum(['query', 'path', 'body', 'header']),
  path: z.array(z.union([z.string(), z.number()])),
  code: z.string(),
  message: z.string(),
});
export type Issue = z.infer<typeof IssueSchema>;

/** Every error body: a stable code and details (issues for 400, context otherwise, null for 500). */
export const ErrorSchema = z.object({
  error: z.string(),
  details: z.union([z.array(IssueSchema), z.record(z.string(), z.unknown()), z.null()]),
});
export type ErrorBody = z.infer<typeof ErrorSchema>;
