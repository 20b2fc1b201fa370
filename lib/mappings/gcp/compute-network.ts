import type { ResourceMapping } from '../../core/mapping/types.ts';
import { upperCase } from '../../core/normalize/gcp/defaults.ts';
import { attrs, data, dataOrAbsent, gcpScope } from './common.ts';

/** google_compute_network ↔ `compute.googleapis.com/Network`. */
export const computeNetworkMapping: ResourceMapping = {
  provider: 'gcp',
  terraformTypes: ['google_compute_network'],
  nativeTypes: ['compute.googleapis.com/Network'],
  identities: attrs('id', 'self_link'),
  scope: gcpScope,
  attributes: [
    // Legacy networks carry no autoCreateSubnetworks at all; compare only when the API says.
    { path: 'auto_create_subnetworks', actual: dataOrAbsent('autoCreateSubnetworks') },
    { path: 'routing_mode', actual: data('routingConfig.routingMode'), normalize: [upperCase] },
    { path: 'mtu', actual: dataOrAbsent('mtu') },
    { path: 'description', actual: data('description') },
  ],
};
