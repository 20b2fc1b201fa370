import { z } from 'zod';
import { RemediationError } from '../../lib/core/remediation/errors.ts';
import type { RemediationExecutor } from '../../lib/core/remediation/executor.ts';
import { type Execution, type Executor, RemediationSchema } from '../../lib/core/remediation/plan-schema.ts';
import type { RemediationDeps } from '../remediation-plan/deps.ts';
import { parseInput } from '../shared/errors.ts';

/** The state after RequestApproval: the plan plus `approval` (SendTaskSuccess output). */
export const ExecuteInputSchema = RemediationSchema.extend({
  approval: z.object({
    decision: z.literal('approve'),
    approver: z.string().min(1),
    comment: z.string().optional(),
  }),
}).loose();

export type ExecutorRegistry = Partial<Record<Executor, RemediationExecutor>>;

/**
 * Execute: runs the plan's executor (a dry run unless the config says otherwise). The approval is
 * checked again in the store: only an approved remediation runs, whatever the input claims.
 */
export async function runRemediationExecute(
  raw: unknown,
  deps: RemediationDeps & { executors: ExecutorRegistry },
): Promise<Record<string, unknown> & { execution: Execution }> {
  const input = parseInput(ExecuteInputSchema, raw, 'remediation execute input');
  const approval = await deps.approvals.get(input.remediationId);
  if (approval?.status !== 'approved')
    throw new RemediationError(
      `approval is ${approval?.status ?? 'missing'}, not approved`,
      input.remediationId,
    );
  const executor = deps.executors[input.executor];
  if (!executor)
    throw new RemediationError(`executor ${input.executor} is not available`, input.remediationId);
  const record = await deps.store.get(input.driftId);
  if (!record) throw new RemediationError(`drift ${input.driftId} is gone`, input.remediationId);
  await deps.events.publish([
    {
      detailType: 'RemediationApproved',
      detail: {
        eventId: `${input.remediationId}#approved`,
        at: approval.decidedAt ?? deps.now().toISOString(),
        remediationId: input.remediationId,
        driftId: input.driftId,
        target: input.target,
        executor: input.executor,
        dryRun: input.dryRun,
        approvalId: approval.id,
        actor: approval.decidedBy ?? input.approval.approver,
        ...(approval.comment ? { comment: approval.comment } : {}),
      },
    },
  ]);
  const actions = await executor.execute({ remediation: input, record, dryRun: input.dryRun });
  deps.logger.info('remediation executed', {
    remediationId: input.remediationId,
    executor: input.executor,
    dryRun: input.dryRun,
    actions: actions.length,
  });
  return { ...input, execution: { executor: input.executor, dryRun: input.dryRun, actions, ok: true } };
}
