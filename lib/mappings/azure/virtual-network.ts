import type { ResourceMapping } from '../../core/mapping/types.ts';
import { isPlainObject } from '../../core/model/plain-object.ts';
import type { StateResource } from '../../core/model/state-resource.ts';
import { armIdentities, azureScope, locationRule, prop, tagsRule } from './common.ts';

// Inline `subnet` blocks carry their ARM ids; those subnets belong to this network.
function inlineSubnetIds(res: StateResource): string[] {
  const blocks = res.attributes.subnet;
  if (!Array.isArray(blocks)) return [];
  return blocks.flatMap((b) => (isPlainObject(b) && typeof b.id === 'string' && b.id ? [b.id] : []));
}

/** azurerm_virtual_network ↔ `Microsoft.Network/virtualNetworks`. */
export const virtualNetworkMapping: ResourceMapping = {
  provider: 'azure',
  terraformTypes: ['azurerm_virtual_network'],
  nativeTypes: ['Microsoft.Network/virtualNetworks'],
  identities: armIdentities,
  scope: azureScope,
  children: inlineSubnetIds,
  attributes: [
    locationRule,
    tagsRule,
    { path: 'address_space', actual: prop('addressSpace.addressPrefixes'), compare: 'set' },
    // DNS server order is significant (resolvers are tried in order).
    { path: 'dns_servers', actual: prop('dhcpOptions.dnsServers'), skipUnsetDesired: false },
    // 0 is the provider's "not set"; ARM then omits the field.
    {
      path: 'flow_timeout_in_minutes',
      desired: (res) =>
        res.attributes.flow_timeout_in_minutes === 0 ? null : res.attributes.flow_timeout_in_minutes,
      actual: prop('flowTimeoutInMinutes'),
    },
  ],
};
