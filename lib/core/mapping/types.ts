import type { Absent, LiveResource } from '../model/live-resource.ts';
import type { Provider } from '../model/provider.ts';
import type { StateResource } from '../model/state-resource.ts';

/** A named, pure, idempotent value transform applied to both sides before comparing. */
export interface Normalizer {
  readonly name: string;
  apply(value: unknown): unknown;
}

/**
 * How two normalized values are compared:
 * - value: deep equality; objects recurse to leaf paths, arrays of equal length element-wise
 * - map: per key (tags, labels): `tags.env`
 * - set: unordered multiset, reported whole (security-group rules, CIDR lists)
 * - subset: only the paths the desired side sets (Kubernetes manifests against server objects)
 */
export type CompareMode = 'value' | 'map' | 'set' | 'subset';

/** One Terraform attribute ↔ native value pair that a mapping knows on both sides. */
export interface AttributeRule {
  /** Terraform attribute path used in reports: `versioning.0.enabled` → reported as written here. */
  path: string;
  /** Desired value; default reads `path` from the state attributes. */
  desired?: (res: StateResource) => unknown;
  /** Live value. Return ABSENT when the export does not carry it (then nothing is compared). */
  actual: (live: LiveResource, res: StateResource) => unknown | Absent;
  /** Extra normalizers for both sides (generic scalar/empty normalization always runs first). */
  normalize?: readonly Normalizer[];
  compare?: CompareMode;
  /**
   * When true (default), a desired value that is null/empty means "not set in code" and the
   * attribute is skipped: provider-computed defaults are not drift.
   */
  skipUnsetDesired?: boolean;
}

/**
 * What a Terraform resource type is in the live world:
 * - resource: its own native item (matched, compared, can be missing)
 * - facet: a fact about another resource's native item (aws_s3_bucket_versioning → the bucket);
 *   compared against that item, never missing or unmanaged on its own
 * - association: no native item at all (policy attachments, aliases): neither missing nor unmanaged
 */
export type MappingRole = 'resource' | 'facet' | 'association';

/** Everything the engine needs to know about one Terraform resource type (or a family of aliases). */
export interface ResourceMapping {
  provider: Provider;
  /** Terraform types this mapping serves (`kubernetes_deployment`, `kubernetes_deployment_v1`). */
  terraformTypes: readonly string[];
  /** Native types of the live item (compared case-insensitively for Azure). */
  nativeTypes: readonly string[];
  role?: MappingRole;
  /** Identities of the live item, most specific first (ARN, id, name / ARM id / CAI name forms). */
  identities(res: StateResource): string[];
  /** Attribute rules; empty = existence only. */
  attributes: readonly AttributeRule[];
  /** Identities of live items this resource owns (VPC default SG, root volume, boot disk). */
  children?(res: StateResource): string[];
  /**
   * For facets: attribute paths of the parent's Terraform type that this facet now owns (provider
   * v4+ still refreshes `versioning` inline on aws_s3_bucket). When both are declared, the parent's
   * copy is not compared, so one live fact yields one drift.
   */
  supersedes?: readonly { terraformType: string; paths: readonly string[] }[];
  /** Scope key of the resource (`aws:<account>:<region>`, `*` for an unknown part), null = unknown. */
  scope?(res: StateResource): string | null;
}
