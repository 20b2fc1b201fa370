import { z } from 'zod';
import { SeveritySchema } from '../model/drift.ts';
import { AwsScopesSchema, AzureScopesSchema, GcpScopesSchema, KubernetesScopesSchema } from './scopes.ts';

/**
 * Where desired state comes from: `s3://bucket/key`, `azblob://account/container/blob`,
 * `gs://bucket/prefix`, or a local path (file or folder).
 */
export const StateLocationSchema = z
  .string()
  .min(1)
  .refine((s) => !/^(https?|ftp):\/\//i.test(s), 'use s3://, azblob://, gs:// or a local path');

export const StateSourceConfigSchema = z.union([
  StateLocationSchema,
  z
    .object({
      location: StateLocationSchema,
      /** Workspaces to read besides `default`; `['*']` = every workspace the backend lists. */
      workspaces: z.array(z.string().regex(/^(\*|[\w.-]+)$/)).default(['default']),
      /** Backend layout details (as in the backend block): never credentials. */
      options: z
        .object({
          region: z.string().optional(),
          /** s3 `workspace_key_prefix` (default `env:`). */
          workspaceKeyPrefix: z.string().optional(),
          /** local backend: workspace states under `<dir>/<ws>/terraform.tfstate`. */
          workspaceDir: z.string().optional(),
          /** S3-compatible endpoint (s3 backend `endpoints.s3`). */
          endpoint: z.string().url().optional(),
        })
        .strict()
        .default({}),
    })
    .strict(),
]);
export type StateSourceConfig = z.infer<typeof StateSourceConfigSchema>;

/** EventBridge Scheduler expression: rate(...), cron(...) or at(...). */
export const ScheduleSchema = z
  .string()
  .regex(
    /^(rate\(\d+ (minute|minutes|hour|hours|day|days)\)|cron\([^)]+\)|at\([^)]+\))$/,
    'use rate(…), cron(…) or at(…)',
  );

const TargetBase = {
  /** Target name: the key drift records are grouped by. */
  name: z.string().regex(/^[a-z0-9][a-z0-9-]{0,62}$/, 'lowercase letters, digits and dashes (≤ 63)'),
  state: z.array(StateSourceConfigSchema).default([]),
  /** Terraform code directory: backends and workspaces discovered from its `backend` blocks. */
  tfDir: z.string().optional(),
  manifests: z.array(z.string()).default([]),
  /** Offline inventory exports, instead of the live API. */
  inventory: z.array(z.string()).default([]),
  /** .driftignore file for this target. */
  ignore: z.string().optional(),
  schedule: ScheduleSchema.optional(),
};

export const TargetSchema = z.discriminatedUnion('provider', [
  z.object({ ...TargetBase, provider: z.literal('aws'), scopes: AwsScopesSchema.optional() }).strict(),
  z.object({ ...TargetBase, provider: z.literal('azure'), scopes: AzureScopesSchema.optional() }).strict(),
  z.object({ ...TargetBase, provider: z.literal('gcp'), scopes: GcpScopesSchema.optional() }).strict(),
  z
    .object({ ...TargetBase, provider: z.literal('kubernetes'), scopes: KubernetesScopesSchema.optional() })
    .strict(),
]);
export type TargetConfig = z.infer<typeof TargetSchema>;

/** Drift categories the classifier assigns (lib/core/classify): filters name them exactly. */
export const DriftCategorySchema = z.enum([
  'AnnotationChange',
  'ConfigMapChange',
  'ConfigurationChange',
  'EncryptionChange',
  'LabelChange',
  'Missing',
  'PortChange',
  'ResourceChange',
  'Scaling',
  'SecretChange',
  'SecurityChange',
  'TagChange',
  'Unmanaged',
  'VersionChange',
  'VolumeChange',
]);

/** Alert routing: drifts at or above a severity go to these destinations (SNS topic ARNs, or `stdout`). */
export const SeverityRouteSchema = z
  .object({
    minSeverity: SeveritySchema,
    categories: z.array(DriftCategorySchema).default([]),
    targets: z.array(z.string()).default([]),
    destinations: z.array(z.string().min(1)).min(1),
  })
  .strict();

/** Which detected drifts start the remediation workflow. */
export const RemediationConfigSchema = z
  .object({
    enabled: z.boolean().default(false),
    minSeverity: SeveritySchema.default('high'),
    categories: z.array(DriftCategorySchema).default([]),
    targets: z.array(z.string()).default([]),
    executor: z
      .enum(['notify-only', 'revert-tags', 'scale-replicas', 'kubernetes-patch', 'terraform-pipeline'])
      .default('notify-only'),
    dryRun: z.boolean().default(true),
    approvalTimeoutHours: z
      .number()
      .int()
      .min(1)
      .max(24 * 14)
      .default(72),
    /** CodeBuild project that applies Terraform (executor terraform-pipeline). */
    pipelineProject: z
      .string()
      .regex(/^[A-Za-z0-9][A-Za-z0-9_-]{1,254}$/, 'a CodeBuild project name')
      .optional(),
  })
  .strict();

/** The whole of driftwatch.config.yaml. Credentials never live here (refused by checkNoCredentials). */
export const DriftwatchConfigSchema = z
  .object({
    version: z.literal(1),
    targets: z.array(TargetSchema).min(1),
    /** Global .driftignore applied to every target. */
    ignore: z.string().optional(),
    defaultSchedule: ScheduleSchema.default('rate(6 hours)'),
    severityRouting: z.array(SeverityRouteSchema).default([]),
    remediation: RemediationConfigSchema.default({
      enabled: false,
      minSeverity: 'high',
      categories: [],
      targets: [],
      executor: 'notify-only',
      dryRun: true,
      approvalTimeoutHours: 72,
    }),
    scan: z
      .object({
        /** Distributed Map MaxConcurrency. */
        maxConcurrency: z.number().int().min(1).max(1000).default(10),
        /** Percentage of shards that may fail before the scan fails. */
        toleratedFailurePercentage: z.number().min(0).max(100).default(10),
      })
      .strict()
      .default({ maxConcurrency: 10, toleratedFailurePercentage: 10 }),
  })
  .strict()
  .superRefine((c, ctx) => {
    const seen = new Set<string>();
    for (const [i, t] of c.targets.entries()) {
      if (seen.has(t.name))
        ctx.addIssue({
          code: 'custom',
          path: ['targets', i, 'name'],
          message: `duplicate target name ${t.name}`,
        });
      seen.add(t.name);
      if (t.state.length === 0 && !t.tfDir && t.manifests.length === 0) {
        ctx.addIssue({ code: 'custom', path: ['targets', i], message: 'give state, tfDir or manifests' });
      }
      if (t.inventory.length === 0 && !t.scopes) {
        ctx.addIssue({
          code: 'custom',
          path: ['targets', i],
          message: 'give scopes (live API) or inventory (export files)',
        });
      }
    }
  });
export type DriftwatchConfig = z.infer<typeof DriftwatchConfigSchema>;
