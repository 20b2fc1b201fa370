import type { Provider } from '../../core/model/provider.ts';
import { awsIdentities, awsScope } from './aws.ts';
import { azureIdentities, azureScope } from './azure.ts';
import { gcpIdentities, gcpScope } from './gcp.ts';
import { kubernetesIdentities, kubernetesScope } from './kubernetes.ts';
import type { ProviderDefaults } from './shared.ts';

export * from './aws.ts';
export * from './azure.ts';
export * from './gcp.ts';
export * from './kubernetes.ts';
export type { ProviderDefaults } from './shared.ts';

/** Default identities and scope of a provider; Kubernetes needs the native types (apiVersion/Kind). */
export function defaultsFor(provider: Provider, nativeTypes: readonly string[] = []): ProviderDefaults {
  switch (provider) {
    case 'aws':
      return { identities: awsIdentities, scope: awsScope };
    case 'azure':
      return { identities: azureIdentities, scope: azureScope };
    case 'gcp':
      return { identities: gcpIdentities, scope: gcpScope };
    case 'kubernetes':
      return { identities: kubernetesIdentities(nativeTypes), scope: kubernetesScope };
  }
}
