import { type RemediationDeps, remediationDepsFromEnv } from '../remediation-plan/deps.ts';
import { lazy } from '../shared/deps.ts';
import { onFirstCall, taskHandler } from '../shared/middy.ts';
import { runRemediationApproval } from './approval.ts';

/** RequestApproval of the remediation state machine (lambda:invoke.waitForTaskToken). */
export function createRemediationApprovalHandler(deps: RemediationDeps) {
  return taskHandler((event) => runRemediationApproval(event, deps), deps);
}

const deps = lazy(() => remediationDepsFromEnv(process.env, 'driftwatch-remediation-approval'));
export const handler = onFirstCall(() => createRemediationApprovalHandler(deps()));
