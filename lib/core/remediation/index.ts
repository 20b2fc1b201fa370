export {
  type Approval,
  ApprovalSchema,
  type ApprovalStatus,
  ApprovalStatusSchema,
  type ApprovalView,
  ApprovalViewSchema,
  approvalView,
  type Decision,
  decide,
  effectiveStatus,
  OUTCOME_FROM,
} from './approval.ts';
export { buildPlan, planDiff, planSteps, type RemediationConfig, remediationFor } from './build-plan.ts';
export { ApprovalConflictError, RemediationError } from './errors.ts';
export type { ExecutorInput, RemediationExecutor } from './executor.ts';
export { canHandle, chooseExecutor, executorForDrift, isTagOnlyChange } from './executor-choice.ts';
export {
  type RemediationHistoryInput,
  type RemediationHistoryType,
  remediationHistoryWrite,
} from './history.ts';
export { desiredPatch, tagChanges } from './patches.ts';
export * from './plan-schema.ts';
