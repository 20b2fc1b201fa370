import type { ResourceMapping } from '../../core/mapping/types.ts';
import { anyCluster, metadataMapRule, specRule, typedIdentity, withV1 } from './common.ts';
import { namedExtrasRule } from './named-extras.ts';

/**
 * kubernetes_service(_v1) ↔ v1 Service: `spec.0.port.0.port`, `spec.0.type`, `spec.0.selector`
 * and the rest of the spec the state sets. `target_port` is a string in state ("8080").
 */
export const kubernetesService: ResourceMapping = {
  provider: 'kubernetes',
  terraformTypes: withV1('kubernetes_service'),
  nativeTypes: ['v1/Service'],
  identities: typedIdentity('v1', 'Service'),
  scope: anyCluster,
  attributes: [
    metadataMapRule('labels'),
    metadataMapRule('annotations'),
    // Only LoadBalancer services carry allocateLoadBalancerNodePorts live; the provider keeps true.
    specRule(['allocate_load_balancer_node_ports']),
    namedExtrasRule,
  ],
};
