export { FUNCTION_NAME_METADATA } from './driftwatch-function.ts';
export { createDriftwatchStacks, type DriftwatchStacks } from './driftwatch-stacks.ts';
export type { DashboardFiles, InfraConfig, InfraOptions, InfraRoute, InfraSeverity } from './props.ts';
