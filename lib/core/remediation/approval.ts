import { z } from 'zod';
import { ApprovalConflictError } from './errors.ts';
import { ExecutorSchema } from './plan-schema.ts';

export const ApprovalStatusSchema = z.enum([
  'pending',
  'approved',
  'rejected',
  'expired',
  'executed',
  'failed',
]);
export type ApprovalStatus = z.infer<typeof ApprovalStatusSchema>;

/** An approval as the API shows it: everything but the task token. */
export const ApprovalViewSchema = z.object({
  id: z.string().min(1),
  driftId: z.string().min(1),
  target: z.string().min(1),
  executor: ExecutorSchema,
  dryRun: z.boolean(),
  status: ApprovalStatusSchema,
  requestedAt: z.iso.datetime(),
  expiresAt: z.iso.datetime(),
  decidedBy: z.string().optional(),
  decidedAt: z.iso.datetime().optional(),
  comment: z.string().max(2000).optional(),
  /** Plan summary (step descriptions, no values). */
  summary: z.string().max(2000),
});
export type ApprovalView = z.infer<typeof ApprovalViewSchema>;

/** An approval as stored: the view plus the Step Functions task token (never returned, logged or published). */
export const ApprovalSchema = ApprovalViewSchema.extend({ taskToken: z.string().min(1) });
export type Approval = z.infer<typeof ApprovalSchema>;

export type Decision = 'approve' | 'reject';

/** The approval without its task token. */
export function approvalView(a: Approval): ApprovalView {
  const { taskToken: _token, ...view } = a;
  return view;
}

/** The status as of `now`: a pending approval past its expiry is expired even before the workflow records it. */
export function effectiveStatus(a: Pick<Approval, 'status' | 'expiresAt'>, now: Date): ApprovalStatus {
  return a.status === 'pending' && Date.parse(a.expiresAt) <= now.getTime() ? 'expired' : a.status;
}

/** Applies a decision: only a pending, unexpired approval can be approved or rejected. */
export function decide(
  a: Approval,
  input: { decision: Decision; by: string; comment?: string },
  now: Date,
): Approval {
  const status = effectiveStatus(a, now);
  if (status !== 'pending') throw new ApprovalConflictError(a.id, status);
  return {
    ...a,
    status: input.decision === 'approve' ? 'approved' : 'rejected',
    decidedBy: input.by,
    decidedAt: now.toISOString(),
    ...(input.comment ? { comment: input.comment } : {}),
  };
}

/** The statuses a workflow outcome may move an approval out of (records are replay-safe). */
export const OUTCOME_FROM: Record<'executed' | 'failed' | 'expired' | 'rejected', ApprovalStatus[]> = {
  executed: ['approved', 'executed'],
  failed: ['pending', 'approved', 'failed'],
  expired: ['pending', 'expired'],
  rejected: ['rejected', 'pending'],
};
