import { z } from 'zod';
import type { Approval } from '../../lib/core/remediation/approval.ts';
import { RemediationSchema } from '../../lib/core/remediation/plan-schema.ts';
import type { RemediationDeps } from '../remediation-plan/deps.ts';
import { appendRemediationHistory } from '../remediation-plan/history.ts';
import { parseInput } from '../shared/errors.ts';

export const ApprovalInputSchema = z.object({
  taskToken: z.string().min(1),
  remediation: RemediationSchema.loose(),
});

const HOUR_MS = 3_600_000;

/**
 * RequestApproval (waitForTaskToken): stores the approval with its task token and expiry, then
 * announces it. The token goes to the store only: never to the event, the history or the logs.
 */
export async function runRemediationApproval(
  raw: unknown,
  deps: RemediationDeps,
): Promise<{ approvalId: string; expiresAt: string }> {
  const { taskToken, remediation: r } = parseInput(ApprovalInputSchema, raw, 'remediation approval input');
  const now = deps.now();
  const requested: Approval = {
    id: r.remediationId,
    driftId: r.driftId,
    target: r.target,
    executor: r.executor,
    dryRun: r.dryRun,
    status: 'pending',
    requestedAt: now.toISOString(),
    expiresAt: new Date(now.getTime() + deps.config.remediation.approvalTimeoutHours * HOUR_MS).toISOString(),
    summary: r.plan.summary,
    taskToken,
  };
  // A retried invocation finds the first approval and announces that one again (same event id).
  const a = await deps.approvals.create(requested);
  await deps.events.publish([
    {
      detailType: 'RemediationRequested',
      detail: {
        eventId: `${a.id}#requested`,
        at: a.requestedAt,
        remediationId: a.id,
        driftId: a.driftId,
        target: a.target,
        executor: a.executor,
        dryRun: a.dryRun,
        approvalId: a.id,
        summary: a.summary,
        expiresAt: a.expiresAt,
      },
    },
  ]);
  await appendRemediationHistory(deps.store, a.driftId, {
    type: 'remediation_requested',
    remediationId: a.id,
    at: a.requestedAt,
    actor: 'driftwatch',
    reason: `approval ${a.id} requested until ${a.expiresAt}: ${a.summary}`,
  });
  deps.logger.info('approval requested', { approvalId: a.id, driftId: a.driftId, expiresAt: a.expiresAt });
  return { approvalId: a.id, expiresAt: a.expiresAt };
}
