import { z } from 'zod';
import type { DriftwatchEvent } from '../../lib/core/events/index.ts';
import { type Approval, OUTCOME_FROM } from '../../lib/core/remediation/approval.ts';
import type { RemediationHistoryType } from '../../lib/core/remediation/history.ts';
import { ExecutionSchema, type Executor, ExecutorSchema } from '../../lib/core/remediation/plan-schema.ts';
import type { RemediationDeps } from '../remediation-plan/deps.ts';
import { appendRemediationHistory } from '../remediation-plan/history.ts';
import { remediationIdOf } from '../remediation-plan/plan.ts';
import { oneLine, parseInput } from '../shared/errors.ts';

const Outcome = z.enum(['executed', 'rejected', 'expired', 'failed']);
type Outcome = z.infer<typeof Outcome>;

/** `{ outcome, remediation: <state> }`; after a BuildPlan failure the state is still the event. */
export const RecordInputSchema = z.object({
  outcome: Outcome,
  remediation: z
    .object({
      remediationId: z.string().min(1).optional(),
      driftId: z.string().min(1).optional(),
      target: z.string().min(1).optional(),
      executor: ExecutorSchema.optional(),
      dryRun: z.boolean().optional(),
      execution: ExecutionSchema.optional(),
      verified: z.boolean().optional(),
      error: z.object({ Error: z.string().optional(), Cause: z.string().optional() }).optional(),
      detail: z.object({ eventId: z.string(), driftId: z.string(), target: z.string() }).loose().optional(),
    })
    .loose(),
});

interface Facts {
  id: string;
  driftId: string;
  target: string;
  executor: Executor;
  dryRun: boolean;
}

const HISTORY: Record<Outcome, RemediationHistoryType> = {
  executed: 'remediation_executed',
  rejected: 'remediation_rejected',
  expired: 'remediation_expired',
  failed: 'remediation_failed',
};

/** The one line of a caught error (`$.error`): a Lambda error's Cause is JSON with errorMessage. */
function errorLine(e: { Error?: string; Cause?: string } | undefined): string {
  if (!e) return 'unknown error';
  let cause = e.Cause ?? '';
  try {
    const parsed = JSON.parse(cause) as { errorMessage?: unknown };
    if (typeof parsed.errorMessage === 'string') cause = parsed.errorMessage;
  } catch {
    // A plain-text cause.
  }
  return oneLine(new Error(`${e.Error ?? 'Error'}: ${cause}`)).slice(0, 2000);
}

/**
 * Record: the audit trail of one remediation outcome. Moves the approval to its final status
 * (conditional, so a replay changes nothing), appends a history event to the drift naming who
 * decided, when, what ran and the result, and publishes the outcome event.
 */
export async function runRemediationRecord(
  raw: unknown,
  deps: RemediationDeps,
): Promise<{ remediationId: string; outcome: Outcome; status: string }> {
  const { outcome, remediation: r } = parseInput(RecordInputSchema, raw, 'remediation record input');
  const f: Facts = {
    id: r.remediationId ?? remediationIdOf(r.detail?.eventId ?? 'unknown'),
    driftId: r.driftId ?? r.detail?.driftId ?? 'unknown',
    target: r.target ?? r.detail?.target ?? 'unknown',
    executor: r.executor ?? deps.config.remediation.executor,
    dryRun: r.dryRun ?? deps.config.remediation.dryRun,
  };
  const now = deps.now().toISOString();
  const stored = await deps.approvals.get(f.id);
  const approval = stored ? await settle(deps, stored, outcome, now) : undefined;
  const at = outcome === 'executed' || outcome === 'failed' ? now : (approval?.decidedAt ?? now);
  const actor = outcome === 'rejected' ? (approval?.decidedBy ?? 'unknown') : 'driftwatch';
  const error = errorLine(r.error);
  const reason = describe(outcome, approval, r, error);
  await appendRemediationHistory(deps.store, f.driftId, {
    type: HISTORY[outcome],
    remediationId: f.id,
    at,
    actor,
    reason,
  });
  await deps.events.publish([outcomeEvent(outcome, f, { at, actor, approval, error, r })]);
  deps.logger.info('remediation recorded', { remediationId: f.id, outcome });
  return { remediationId: f.id, outcome, status: approval?.status ?? outcome };
}

/** Moves the approval to the outcome's status; one already there (a replay) is left as it is. */
async function settle(deps: RemediationDeps, a: Approval, outcome: Outcome, now: string): Promise<Approval> {
  if (a.status === outcome) return a;
  if (!OUTCOME_FROM[outcome].includes(a.status)) return a;
  const next: Approval =
    outcome === 'expired'
      ? { ...a, status: 'expired', decidedBy: 'driftwatch', decidedAt: now }
      : { ...a, status: outcome };
  return deps.approvals.transition(next, OUTCOME_FROM[outcome]);
}

function describe(
  outcome: Outcome,
  a: Approval | undefined,
  r: z.infer<typeof RecordInputSchema>['remediation'],
  error: string,
): string {
  const who = a?.decidedBy ? `${a.decidedBy} at ${a.decidedAt}` : 'nobody';
  switch (outcome) {
    case 'executed': {
      const ex = r.execution;
      const ran = ex
        ? `${ex.executor}${ex.dryRun ? ' (dry run)' : ''}: ${ex.actions.map((x) => x.description).join('; ')}`
        : 'nothing';
      return `approved by ${who}; ran ${ran}; verified: ${r.verified ? 'yes' : 'no'}`;
    }
    case 'rejected':
      return `rejected by ${who}${a?.comment ? `: ${a.comment}` : ''}`;
    case 'expired':
      return `approval expired at ${a?.expiresAt ?? 'unknown'} without a decision`;
    case 'failed':
      return `failed${a?.decidedBy ? ` after approval by ${who}` : ''}: ${error}`;
  }
}

function outcomeEvent(
  outcome: Outcome,
  f: Facts,
  x: {
    at: string;
    actor: string;
    approval: Approval | undefined;
    error: string;
    r: z.infer<typeof RecordInputSchema>['remediation'];
  },
): DriftwatchEvent {
  const base = {
    eventId: `${f.id}#${outcome}`,
    at: x.at,
    remediationId: f.id,
    driftId: f.driftId,
    target: f.target,
    executor: f.executor,
    dryRun: f.dryRun,
  };
  switch (outcome) {
    case 'executed':
      return {
        detailType: 'RemediationExecuted',
        detail: {
          ...base,
          actions: x.r.execution?.actions.length ?? 0,
          ...(x.r.verified !== undefined ? { verified: x.r.verified } : {}),
        },
      };
    case 'rejected':
    case 'expired':
      return {
        detailType: 'RemediationRejected',
        detail: {
          ...base,
          approvalId: f.id,
          actor: x.actor,
          reason: outcome === 'expired' ? 'expired' : (x.approval?.comment ?? 'rejected'),
        },
      };
    case 'failed':
      return { detailType: 'RemediationFailed', detail: { ...base, error: x.error } };
  }
}
