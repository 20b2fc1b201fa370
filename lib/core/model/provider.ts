import { z } from 'zod';

/** The four clouds driftwatch understands; every resource belongs to exactly one. */
export const ProviderSchema = z.enum(['aws', 'azure', 'gcp', 'kubernetes']);
export type Provider = z.infer<typeof ProviderSchema>;

/**
 * Provider of a Terraform resource type, from its prefix (`aws_`, `azurerm_`, `google_`, `kubernetes_`).
 * awscc_/azapi_/google-beta types belong to the same cloud. Returns null for anything else (null_resource).
 */
export function providerOfTerraformType(type: string): Provider | null {
  if (type.startsWith('aws_') || type.startsWith('awscc_')) return 'aws';
  if (type.startsWith('azurerm_') || type.startsWith('azapi_') || type.startsWith('azuread_')) return 'azure';
  if (type.startsWith('google_')) return 'gcp';
  if (type.startsWith('kubernetes_') || type.startsWith('kubectl_') || type.startsWith('helm_'))
    return 'kubernetes';
  return null;
}
