import { z } from 'zod';

/** The executors a remediation can run (config `remediation.executor`). */
export const ExecutorSchema = z.enum([
  'notify-only',
  'revert-tags',
  'scale-replicas',
  'kubernetes-patch',
  'terraform-pipeline',
]);
export type Executor = z.infer<typeof ExecutorSchema>;

/** One attribute the plan would put back: sensitive values stay sealed as `(sensitive)`. */
export const PlanDiffEntrySchema = z.object({
  path: z.string(),
  desired: z.unknown(),
  actual: z.unknown(),
  sensitive: z.boolean(),
});
export type PlanDiffEntry = z.infer<typeof PlanDiffEntrySchema>;

/** One step of a plan; descriptions name paths and resources, never attribute values. */
export const PlanStepSchema = z.object({
  action: z.string().min(1),
  description: z.string().min(1).max(500),
});
export type PlanStep = z.infer<typeof PlanStepSchema>;

/** What an approver is asked to approve. */
export const RemediationPlanSchema = z.object({
  summary: z.string().max(2000),
  steps: z.array(PlanStepSchema),
  diff: z.array(PlanDiffEntrySchema),
});
export type RemediationPlan = z.infer<typeof RemediationPlanSchema>;

/** BuildPlan's output and the state every later step carries (docs/workflows.md). */
export const RemediationSchema = z.object({
  remediationId: z.string().min(1).max(80),
  driftId: z.string().min(1),
  target: z.string().min(1),
  executor: ExecutorSchema,
  dryRun: z.boolean(),
  plan: RemediationPlanSchema,
});
export type Remediation = z.infer<typeof RemediationSchema>;

/** One thing an executor did, or would do in a dry run. */
export const ExecutionActionSchema = z.object({
  action: z.string().min(1),
  resource: z.string(),
  description: z.string(),
  applied: z.boolean(),
});
export type ExecutionAction = z.infer<typeof ExecutionActionSchema>;

/** Execute's result, added to the state as `execution`. */
export const ExecutionSchema = z.object({
  executor: ExecutorSchema,
  dryRun: z.boolean(),
  actions: z.array(ExecutionActionSchema),
  ok: z.boolean(),
});
export type Execution = z.infer<typeof ExecutionSchema>;
