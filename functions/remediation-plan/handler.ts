import { lazy } from '../shared/deps.ts';
import { onFirstCall, taskHandler } from '../shared/middy.ts';
import { type RemediationDeps, remediationDepsFromEnv } from './deps.ts';
import { runRemediationPlan } from './plan.ts';

/** BuildPlan of the remediation state machine (docs/workflows.md). */
export function createRemediationPlanHandler(deps: RemediationDeps) {
  return taskHandler((event) => runRemediationPlan(event, deps), deps);
}

const deps = lazy(() => remediationDepsFromEnv(process.env, 'driftwatch-remediation-plan'));
export const handler = onFirstCall(() => createRemediationPlanHandler(deps()));
