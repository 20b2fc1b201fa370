import type { z } from 'zod';
import type {
  AwsScopesSchema,
  AzureScopesSchema,
  GcpScopesSchema,
  KubernetesScopesSchema,
} from './scopes.ts';

export type AwsScopes = z.infer<typeof AwsScopesSchema>;
export type AzureScopes = z.infer<typeof AzureScopesSchema>;
export type GcpScopes = z.infer<typeof GcpScopesSchema>;
export type KubernetesScopes = z.infer<typeof KubernetesScopesSchema>;
