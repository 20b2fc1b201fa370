import type { DriftRecord } from '../model/drift-record.ts';
import type { ExecutionAction, Executor, Remediation } from './plan-schema.ts';

/** What an executor gets: the plan, the drift record as stored now, and whether to only dry-run. */
export interface ExecutorInput {
  remediation: Remediation;
  record: DriftRecord;
  dryRun: boolean;
}

/** Puts one kind of drift back (tags, replicas, a patch, a pipeline) or only says what it would do. */
export interface RemediationExecutor {
  readonly name: Executor;
  execute(input: ExecutorInput): Promise<ExecutionAction[]>;
}
