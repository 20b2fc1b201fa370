import type { DriftRecord } from '../../lib/core/model/drift-record.ts';
import { RemediationError } from '../../lib/core/remediation/errors.ts';
import { ExecutionSchema, RemediationSchema } from '../../lib/core/remediation/plan-schema.ts';
import type { RemediationDeps } from '../remediation-plan/deps.ts';
import { parseInput } from '../shared/errors.ts';
import type { RescanResult } from './rescan.ts';

export const VerifyInputSchema = RemediationSchema.extend({ execution: ExecutionSchema }).loose();

export type Rescan = (record: DriftRecord, deps: RemediationDeps) => Promise<RescanResult>;

/**
 * Verify: rescans the drift's resource. Verified = the drift is gone from a complete rescan. A dry
 * run changed nothing, so it is not verified (and not rescanned: the answer is known).
 */
export async function runRemediationVerify(
  raw: unknown,
  deps: RemediationDeps & { rescan: Rescan },
): Promise<Record<string, unknown> & { verified: boolean }> {
  const input = parseInput(VerifyInputSchema, raw, 'remediation verify input');
  if (input.execution.dryRun) return { ...input, verified: false };
  const record = await deps.store.get(input.driftId);
  if (!record) throw new RemediationError(`drift ${input.driftId} is gone`, input.remediationId);
  const result = await deps.rescan(record, deps);
  const verified = result.complete && !result.stillDrifted;
  deps.logger.info('remediation verified', { remediationId: input.remediationId, verified, ...result });
  return { ...input, verified };
}
