import type { ResourceMapping } from '../../core/mapping/types.ts';
import { anyCluster, liveObject, metadataMapRule, typedIdentity, withV1 } from './common.ts';

/** kubernetes_config_map(_v1) ↔ v1 ConfigMap: `data` and `binary_data` key by key. */
export const kubernetesConfigMap: ResourceMapping = {
  provider: 'kubernetes',
  terraformTypes: withV1('kubernetes_config_map'),
  nativeTypes: ['v1/ConfigMap'],
  identities: typedIdentity('v1', 'ConfigMap'),
  scope: anyCluster,
  attributes: [
    metadataMapRule('labels'),
    metadataMapRule('annotations'),
    // Keys added or removed by hand are drift too, so an empty desired map is still compared.
    { path: 'data', actual: liveObject('data'), compare: 'map', skipUnsetDesired: false },
    { path: 'binary_data', actual: liveObject('binaryData'), compare: 'map' },
  ],
};
