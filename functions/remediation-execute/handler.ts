import { type RemediationDeps, remediationDepsFromEnv } from '../remediation-plan/deps.ts';
import { lazy } from '../shared/deps.ts';
import { onFirstCall, taskHandler } from '../shared/middy.ts';
import { type ExecutorRegistry, runRemediationExecute } from './execute.ts';
import { defaultExecutors } from './executors.ts';

/** Execute of the remediation state machine. */
export function createRemediationExecuteHandler(deps: RemediationDeps & { executors: ExecutorRegistry }) {
  return taskHandler((event) => runRemediationExecute(event, deps), deps);
}

const deps = lazy(() => ({
  ...remediationDepsFromEnv(process.env, 'driftwatch-remediation-execute'),
  executors: defaultExecutors(process.env),
}));
export const handler = onFirstCall(() => createRemediationExecuteHandler(deps()));
