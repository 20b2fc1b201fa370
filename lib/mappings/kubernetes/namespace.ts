import type { ResourceMapping } from '../../core/mapping/types.ts';
import { anyCluster, metadataMapRule, typedIdentity, withV1 } from './common.ts';

/** kubernetes_namespace(_v1) ↔ v1 Namespace (cluster-scoped): labels and annotations. */
export const kubernetesNamespace: ResourceMapping = {
  provider: 'kubernetes',
  terraformTypes: withV1('kubernetes_namespace'),
  nativeTypes: ['v1/Namespace'],
  identities: typedIdentity('v1', 'Namespace'),
  scope: anyCluster,
  attributes: [metadataMapRule('labels'), metadataMapRule('annotations')],
};
