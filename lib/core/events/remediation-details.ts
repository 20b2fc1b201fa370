import { z } from 'zod';
import { EventBase } from './drift-details.ts';

const Executor = z.enum([
  'notify-only',
  'revert-tags',
  'scale-replicas',
  'kubernetes-patch',
  'terraform-pipeline',
]);

/** What every Remediation* detail carries: which remediation of which drift. */
const RemediationFields = {
  ...EventBase,
  remediationId: z.string().min(1),
  driftId: z.string().min(1),
  target: z.string().min(1),
  executor: Executor,
  dryRun: z.boolean(),
};

/** A remediation plan waits for approval (the approval id, never the task token). */
export const RemediationRequestedSchema = z
  .object({
    ...RemediationFields,
    approvalId: z.string().min(1),
    /** Plan summary: step descriptions, no attribute values. */
    summary: z.string().max(2000),
    expiresAt: z.iso.datetime(),
  })
  .strict();

/** An approver approved the remediation. */
export const RemediationApprovedSchema = z
  .object({
    ...RemediationFields,
    approvalId: z.string().min(1),
    actor: z.string().min(1),
    comment: z.string().max(2000).optional(),
  })
  .strict();

/** An approver rejected the remediation, or its approval expired (`actor` = system, reason `expired`). */
export const RemediationRejectedSchema = z
  .object({
    ...RemediationFields,
    approvalId: z.string().min(1),
    actor: z.string().min(1),
    reason: z.string().min(1).max(2000),
  })
  .strict();

/** The executor ran (or dry-ran) the plan. */
export const RemediationExecutedSchema = z
  .object({
    ...RemediationFields,
    actions: z.number().int().nonnegative(),
    verified: z.boolean().optional(),
  })
  .strict();

/** Planning, execution or verification failed. */
export const RemediationFailedSchema = z
  .object({ ...RemediationFields, error: z.string().max(2000) })
  .strict();

export type RemediationRequested = z.infer<typeof RemediationRequestedSchema>;
export type RemediationApproved = z.infer<typeof RemediationApprovedSchema>;
export type RemediationRejected = z.infer<typeof RemediationRejectedSchema>;
export type RemediationExecuted = z.infer<typeof RemediationExecutedSchema>;
export type RemediationFailed = z.infer<typeof RemediationFailedSchema>;
