import { createHash } from 'node:crypto';
import { z } from 'zod';
import { DriftDetectedSchema } from '../../lib/core/events/index.ts';
import { type Remediation, remediationFor } from '../../lib/core/remediation/index.ts';
import { InvalidInputError, parseInput } from '../shared/errors.ts';
import type { RemediationDeps } from './deps.ts';

export const PlanInputSchema = z.object({ detail: DriftDetectedSchema });

/** Deterministic from the DriftDetected event: a redelivered event plans the same remediation. */
export function remediationIdOf(eventId: string): string {
  return `rem-${createHash('sha256').update(eventId).digest('hex').slice(0, 24)}`;
}

/** BuildPlan: the drift record as stored now → executor, steps and dry-run diff. */
export async function runRemediationPlan(raw: unknown, deps: RemediationDeps): Promise<Remediation> {
  const { detail } = parseInput(PlanInputSchema, raw, 'remediation plan input');
  const record = await deps.store.get(detail.driftId);
  if (!record)
    throw new InvalidInputError(`drift ${detail.driftId} is not in the store`, 'remediation plan input');
  const remediation = remediationFor(remediationIdOf(detail.eventId), record, deps.config.remediation);
  deps.logger.info('remediation planned', {
    remediationId: remediation.remediationId,
    driftId: record.id,
    executor: remediation.executor,
    steps: remediation.plan.steps.length,
  });
  return remediation;
}
