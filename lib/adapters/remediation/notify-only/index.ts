import type { ExecutorInput, RemediationExecutor } from '../../../core/remediation/executor.ts';
import type { ExecutionAction } from '../../../core/remediation/plan-schema.ts';

/**
 * Changes nothing: the RemediationRequested / RemediationExecuted events are the notification
 * (routed by the alert rules). The one action says so, applied only outside a dry run.
 */
export class NotifyOnlyExecutor implements RemediationExecutor {
  readonly name = 'notify-only' as const;

  async execute({ record, dryRun }: ExecutorInput): Promise<ExecutionAction[]> {
    return [
      {
        action: 'notify',
        resource: record.address ?? record.resourceId,
        description: `owners of ${record.target} are notified through the remediation events`,
        applied: !dryRun,
      },
    ];
  }
}
