export {
  type DriftwatchConfig,
  DriftwatchConfigSchema,
  type StateSourceConfig,
  type TargetConfig,
  TargetSchema,
} from './config.ts';
export { parseConfig } from './parse-config.ts';
export type { AwsScopes, AzureScopes, GcpScopes, KubernetesScopes } from './scope-types.ts';
export {
  type AssumeRole,
  AwsScopesSchema,
  AzureScopesSchema,
  GcpScopesSchema,
  KubernetesScopesSchema,
} from './scopes.ts';
