import { z } from 'zod';
import { ProviderSchema } from './provider.ts';

/**
 * Marker for "the inventory does not carry this value" (as opposed to carrying null or empty):
 * absent values are never compared. Readers leave fields undefined; mappings return ABSENT.
 */
export const ABSENT: unique symbol = Symbol('absent');
export type Absent = typeof ABSENT;

/**
 * One live resource from a cloud inventory (AWS Config item, ARM/Resource Graph row, Cloud Asset
 * resource, Kubernetes object) in one canonical shape.
 */
export const LiveResourceSchema = z.object({
  provider: ProviderSchema,
  /** Native type: `AWS::S3::Bucket`, `Microsoft.Storage/storageAccounts`, `storage.googleapis.com/Bucket`, `apps/v1/Deployment`. */
  nativeType: z.string(),
  /** Primary identity as reported: ARN (else resource id), ARM id, Cloud Asset name, `<namespace>/<name>`. */
  id: z.string(),
  /** Every identity this resource is known by (ARN, resource id, name, self link, numeric id ...). */
  ids: z.array(z.string()),
  name: z.string().nullable(),
  /** Coverage scope key, see `scopeKey` (`aws:123456789012:eu-west-1`, `azure:<sub>`, `gcp:<project>`, `kubernetes:<cluster>`). */
  scope: z.string(),
  /** Native configuration document (Config `configuration`, ARM `properties` + top level, CAI `resource.data`, the k8s object). */
  attributes: z.record(z.string(), z.unknown()).nullable(),
  /** Tags/labels as a flat map; null when the export does not carry them (BaseConfigurationItem). */
  tags: z.record(z.string(), z.string()).nullable(),
  /** Extra native documents keyed by name (Config `supplementaryConfiguration`, k8s nothing). */
  supplementary: z.record(z.string(), z.unknown()).optional(),
  /** Capture time (ISO 8601) when the export has one; the newest capture of a resource wins. */
  capturedAt: z.string().nullable(),
  /** True when the inventory records the resource as deleted (Config ResourceDeleted). */
  deleted: z.boolean().optional(),
  /** Export file it came from. */
  source: z.string(),
});
export type LiveResource = z.infer<typeof LiveResourceSchema>;
