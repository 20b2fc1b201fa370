import { getPath } from '../../core/diff/path.ts';
import type { AttributeRule, ResourceMapping } from '../../core/mapping/types.ts';
import { ABSENT } from '../../core/model/live-resource.ts';
import { absentAsFalse } from '../../core/normalize/gcp/defaults.ts';
import { gcpRelativeName, gcpShortName } from '../../core/normalize/gcp/self-link.ts';
import { attrs, data, gcpScope } from './common.ts';

const ranges = (list: unknown, name: string, cidr: string) =>
  Array.isArray(list)
    ? list.map((r) => ({ range_name: getPath(r, name), ip_cidr_range: getPath(r, cidr) }))
    : list;

const secondaryActual: AttributeRule['actual'] = (live) => {
  const v = data('secondaryIpRanges')(live);
  return v === ABSENT ? ABSENT : ranges(v, 'rangeName', 'ipCidrRange');
};

/** google_compute_subnetwork ↔ `compute.googleapis.com/Subnetwork`. */
export const computeSubnetworkMapping: ResourceMapping = {
  provider: 'gcp',
  terraformTypes: ['google_compute_subnetwork'],
  nativeTypes: ['compute.googleapis.com/Subnetwork'],
  identities: attrs('id', 'self_link'),
  scope: gcpScope,
  attributes: [
    { path: 'ip_cidr_range', actual: data('ipCidrRange') },
    { path: 'region', actual: data('region'), normalize: [gcpShortName] },
    { path: 'network', actual: data('network'), normalize: [gcpRelativeName] },
    { path: 'private_ip_google_access', actual: data('privateIpGoogleAccess'), normalize: [absentAsFalse] },
    {
      path: 'secondary_ip_range',
      desired: (res) => ranges(res.attributes.secondary_ip_range, 'range_name', 'ip_cidr_range'),
      actual: secondaryActual,
      compare: 'set',
      skipUnsetDesired: false,
    },
    { path: 'description', actual: data('description') },
  ],
};
