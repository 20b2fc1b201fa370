import { getPath } from '../../core/diff/path.ts';
import type { AttributeRule, ResourceMapping } from '../../core/mapping/types.ts';
import { ABSENT } from '../../core/model/live-resource.ts';
import { enabledDisabledBool } from '../../core/normalize/azure/defaults.ts';
import { armIdentities, azureScope, prop, propOrAbsent, sameCase } from './common.ts';

// ARM returns `addressPrefix` for a single-prefix subnet and `addressPrefixes` for several.
const addressPrefixes: AttributeRule['actual'] = (live) => {
  const one = prop('addressPrefix')(live);
  if (one === ABSENT) return ABSENT;
  const many = prop('addressPrefixes')(live);
  return Array.isArray(many) && many.length > 0 ? many : one === undefined ? [] : [one];
};

const pluck =
  (path: string, key: string): AttributeRule['actual'] =>
  (live) => {
    const v = prop(path)(live);
    return Array.isArray(v) ? v.map((x) => getPath(x, key)) : v;
  };

// Delegations compare by name and delegated service; the action lists are service-defined.
const delegations: AttributeRule['actual'] = (live) => {
  const v = prop('delegations')(live);
  if (!Array.isArray(v)) return v;
  return v.map((d) => ({ name: getPath(d, 'name'), service: getPath(d, 'properties.serviceName') }));
};

const desiredDelegations: AttributeRule['desired'] = (res) => {
  const v = res.attributes.delegation;
  if (!Array.isArray(v)) return v;
  return v.map((d) => ({ name: getPath(d, 'name'), service: getPath(d, 'service_delegation.0.name') }));
};

/**
 * azurerm_subnet ↔ `Microsoft.Network/virtualNetworks/subnets` (a row from `az network vnet subnet
 * list`, or a network's `properties.subnets[]` exploded by the reader). Also reads the same shape.
 */
export const subnetMapping: ResourceMapping = {
  provider: 'azure',
  terraformTypes: ['azurerm_subnet'],
  nativeTypes: ['Microsoft.Network/virtualNetworks/subnets'],
  identities: armIdentities,
  scope: azureScope,
  attributes: [
    { path: 'address_prefixes', actual: addressPrefixes, compare: 'set' },
    // Provider v2 single-prefix form.
    { path: 'address_prefix', actual: prop('addressPrefix') },
    {
      path: 'service_endpoints',
      actual: pluck('serviceEndpoints', 'service'),
      compare: 'set',
      skipUnsetDesired: false,
    },
    {
      path: 'delegation',
      desired: desiredDelegations,
      actual: delegations,
      compare: 'set',
      skipUnsetDesired: false,
    },
    // v4 enum (`Disabled`/`Enabled`/`NetworkSecurityGroupEnabled`); v3 boolean form below.
    {
      path: 'private_endpoint_network_policies',
      actual: sameCase(propOrAbsent('privateEndpointNetworkPolicies'), 'private_endpoint_network_policies'),
    },
    {
      path: 'private_endpoint_network_policies_enabled',
      actual: propOrAbsent('privateEndpointNetworkPolicies'),
      normalize: [enabledDisabledBool],
    },
    {
      path: 'private_link_service_network_policies_enabled',
      actual: propOrAbsent('privateLinkServiceNetworkPolicies'),
      normalize: [enabledDisabledBool],
    },
  ],
};
