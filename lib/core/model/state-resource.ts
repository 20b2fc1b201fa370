import { z } from 'zod';
import { ProviderSchema } from './provider.ts';

/** Attribute values after parsing: plain JSON, with sensitive leaves replaced by `{ $sensitive }`. */
export type Attributes = Record<string, unknown>;

/**
 * One resource instance declared by a Terraform state (or a Kubernetes manifest): the desired side.
 * Parsers of every state version produce this shape and nothing else.
 */
export const StateResourceSchema = z.object({
  /** The file or URL the state came from, for messages and reports. */
  source: z.string(),
  /** Full address with module path and index: `module.net.aws_subnet.private[1]`. */
  address: z.string(),
  mode: z.enum(['managed', 'data']),
  type: z.string(),
  name: z.string(),
  /** Module path (`module.a.module.b`), null at the root. */
  module: z.string().nullable(),
  /** count index (number) or for_each key (string); null for a single instance. */
  index: z.union([z.string(), z.number()]).nullable(),
  /** Provider address as written in the state (`provider["registry.terraform.io/hashicorp/aws"]`). */
  provider: z.string(),
  /** Which cloud this resource lives in; null for provider-less types (null_resource, random_*). */
  cloud: ProviderSchema.nullable(),
  /** The `id` attribute, or null. */
  id: z.string().nullable(),
  attributes: z.record(z.string(), z.unknown()),
  /** Object key of a deposed instance (create_before_destroy leftover), else absent. */
  deposed: z.string().optional(),
  /** status "tainted" in the state. */
  tainted: z.boolean().optional(),
  schemaVersion: z.number().optional(),
  /** For manifests: the relative path of the file that declared the object. */
  manifestPath: z.string().optional(),
});
export type StateResource = z.infer<typeof StateResourceSchema>;

/** One parsed state document: its resources plus metadata a report or store may use. */
export interface StateDocument {
  source: string;
  /** 3 or 4. */
  version: number;
  terraformVersion: string | null;
  serial: number | null;
  lineage: string | null;
  resources: StateResource[];
}
