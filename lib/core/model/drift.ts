import { z } from 'zod';
import { ProviderSchema } from './provider.ts';

export const SeveritySchema = z.enum(['low', 'medium', 'high', 'critical']);
export type Severity = z.infer<typeof SeveritySchema>;
export const SEVERITY_RANK: Record<Severity, number> = { low: 0, medium: 1, high: 2, critical: 3 };

export const DriftKindSchema = z.enum(['changed', 'missing', 'unmanaged']);
export type DriftKind = z.infer<typeof DriftKindSchema>;

/** One changed attribute. Sensitive values are already "(sensitive)" here: no output can leak them. */
export const AttributeChangeSchema = z.object({
  /** Terraform attribute path, dot-separated, list indices as numbers: `tags.env`, `ingress.0.from_port`. */
  path: z.string(),
  desired: z.unknown(),
  actual: z.unknown(),
  /** Set when either side was sensitive; values are then the placeholder. */
  sensitive: z.boolean().optional(),
  /** For sensitive changes: the two keyed hashes (`desired|actual`), so stores can tell a new secret value apart. Never printed. */
  digest: z.string().optional(),
});
export type AttributeChange = z.infer<typeof AttributeChangeSchema>;

export const DriftSchema = z.object({
  kind: DriftKindSchema,
  provider: ProviderSchema,
  /** Terraform type for changed/missing; native type for unmanaged; `<apiVersion>/<kind>` for manifest objects. */
  type: z.string(),
  /** Terraform address (or `<manifest path>#<kind>/<namespace>/<name>`); null for unmanaged. */
  address: z.string().nullable(),
  /** ARN where one exists, else resource id; ARM id; Cloud Asset name; `<namespace>/<name>`. */
  id: z.string(),
  severity: SeveritySchema,
  category: z.string(),
  changes: z.array(AttributeChangeSchema),
  /** Coverage scope the resource belongs to. */
  scope: z.string().optional(),
  /** Native type of the live item (for changed/missing too, when known). */
  nativeType: z.string().optional(),
});
export type Drift = z.infer<typeof DriftSchema>;
