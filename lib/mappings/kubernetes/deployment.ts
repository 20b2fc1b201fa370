import type { ResourceMapping } from '../../core/mapping/types.ts';
import { anyCluster, metadataMapRule, specRule, typedIdentity, withV1 } from './common.ts';
import { namedExtrasRule } from './named-extras.ts';

/**
 * kubernetes_deployment(_v1) ↔ apps/v1 Deployment. Reported paths are the provider's
 * (`spec.0.replicas`, `spec.0.template.0.spec.0.container.0.image`); `replicas` is a string in
 * state ("3") and compares with the live number.
 */
export const kubernetesDeployment: ResourceMapping = {
  provider: 'kubernetes',
  terraformTypes: withV1('kubernetes_deployment'),
  nativeTypes: ['apps/v1/Deployment'],
  identities: typedIdentity('apps/v1', 'Deployment'),
  scope: anyCluster,
  attributes: [
    metadataMapRule('labels'),
    metadataMapRule('annotations'),
    // Provider-side defaults the API leaves out: automountServiceAccountToken (the provider sends
    // true itself) and volume mounts' mountPropagation ("None" in state, omitted live).
    // enable_service_links: the provider writes true; Deployment pod templates may omit it (only Pods are defaulted).
    specRule(['automount_service_account_token', 'mount_propagation', 'enable_service_links']),
    namedExtrasRule,
  ],
};
