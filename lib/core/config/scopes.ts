import { z } from 'zod';

const AwsAccountId = z.string().regex(/^\d{12}$/, 'an AWS account id is 12 digits');
const AwsRegion = z.string().regex(/^[a-z]{2}(-gov|-iso[a-z]?)?-[a-z]+-\d$/, 'not an AWS region name');

/**
 * How the scanner reaches a member account: a role name (same name in every account) or an ARN
 * template with `{account}`. The ExternalId is a confused-deputy guard, not a secret.
 */
export const AssumeRoleSchema = z
  .object({
    roleName: z
      .string()
      .regex(/^[\w+=,.@/-]{1,64}$/)
      .optional(),
    roleArnTemplate: z
      .string()
      .regex(
        /^arn:aws[\w-]*:iam::(\{account\}|\d{12}):role\/[\w+=,.@/-]+$/,
        'must be arn:aws:iam::{account}:role/<name>',
      )
      .optional(),
    externalId: z.string().min(2).max(1224).optional(),
    sessionName: z
      .string()
      .regex(/^[\w+=,.@-]{2,64}$/)
      .default('driftwatch'),
    durationSeconds: z.number().int().min(900).max(43200).default(3600),
  })
  .strict()
  .refine((r) => (r.roleName === undefined) !== (r.roleArnTemplate === undefined), {
    message: 'give exactly one of roleName or roleArnTemplate',
  });
export type AssumeRole = z.infer<typeof AssumeRoleSchema>;

/** AWS: accounts × regions, read through AWS Config (per account+region or one aggregator). */
export const AwsScopesSchema = z
  .object({
    accounts: z.array(AwsAccountId).min(1),
    regions: z.array(AwsRegion).min(1),
    /** Config aggregator that sees every listed account+region; one query instead of one per account+region. */
    aggregator: z
      .object({ name: z.string().min(1), region: AwsRegion })
      .strict()
      .optional(),
    assumeRole: AssumeRoleSchema.optional(),
    /** CloudFormation type names Config does not record, listed through Cloud Control instead. */
    cloudControlTypes: z.array(z.string().regex(/^[A-Za-z0-9]+::[A-Za-z0-9]+::[A-Za-z0-9]+$/)).default([]),
    /** Parallel requests per AWS service (Config, Cloud Control, STS). */
    concurrency: z.number().int().min(1).max(64).default(4),
  })
  .strict();

/** Azure: subscriptions read through Resource Graph. */
export const AzureScopesSchema = z
  .object({
    subscriptions: z.array(z.string().uuid('a subscription id is a GUID')).min(1),
    tenantId: z.string().uuid().optional(),
    /** Resources changed within this many minutes are re-read with ARM getById (Resource Graph lags). */
    rereadChangedWithinMinutes: z.number().int().min(0).max(1440).default(0),
    concurrency: z.number().int().min(1).max(16).default(2),
  })
  .strict();

/** GCP: projects, folders or an organization read through Cloud Asset Inventory. */
export const GcpScopesSchema = z
  .object({
    projects: z.array(z.string().regex(/^[a-z][a-z0-9-]{4,28}[a-z0-9]$/, 'not a GCP project id')).default([]),
    folders: z.array(z.string().regex(/^\d+$/, 'a folder is its number')).default([]),
    organization: z.string().regex(/^\d+$/, 'an organization is its number').optional(),
    /** gs://bucket/prefix: large scopes are exported there (exportAssets) and read as NDJSON. */
    exportTo: z
      .string()
      .regex(/^gs:\/\/[a-z0-9][a-z0-9._-]{1,220}(\/.*)?$/)
      .optional(),
    assetTypes: z.array(z.string()).default([]),
    concurrency: z.number().int().min(1).max(16).default(2),
  })
  .strict()
  .refine((g) => g.projects.length + g.folders.length > 0 || g.organization !== undefined, {
    message: 'list at least one project, folder or the organization',
  });

/** Kubernetes: kubeconfig contexts (or in-cluster), namespaces and kinds to read. */
export const KubernetesScopesSchema = z
  .object({
    /** kubeconfig contexts; `in-cluster` = the pod's service account. Empty = the current context. */
    contexts: z.array(z.string().min(1)).default([]),
    kubeconfig: z.string().optional(),
    /** Cluster names as reported (defaults to the context name). */
    clusterNames: z.record(z.string(), z.string()).default({}),
    namespaces: z.array(z.string()).default([]),
    excludeNamespaces: z.array(z.string()).default([]),
    /** `group/version/Kind` or `Kind`; empty = every listable kind. */
    kinds: z.array(z.string()).default([]),
    excludeKinds: z
      .array(z.string())
      .default(['Event', 'events.k8s.io/v1/Event', 'Lease', 'EndpointSlice', 'Endpoints']),
    pageSize: z.number().int().min(1).max(5000).default(500),
  })
  .strict();
