import type { ResourceMapping } from '../../core/mapping/types.ts';
import type { StateResource } from '../../core/model/state-resource.ts';
import { azureScope, prop, sameCase } from './common.ts';

const idOf = (attr: string) => (res: StateResource) => {
  const v = res.attributes[attr];
  return typeof v === 'string' && v ? [v] : [];
};

const nsgRule = {
  path: 'network_security_group_id',
  actual: sameCase(prop('networkSecurityGroup.id'), 'network_security_group_id'),
};

/**
 * azurerm_subnet_network_security_group_association: no ARM object of its own; a facet of the
 * subnet (its `properties.networkSecurityGroup.id`), so a detached NSG shows as drift.
 */
export const subnetNsgAssociationMapping: ResourceMapping = {
  provider: 'azure',
  terraformTypes: ['azurerm_subnet_network_security_group_association'],
  nativeTypes: ['Microsoft.Network/virtualNetworks/subnets'],
  role: 'facet',
  identities: idOf('subnet_id'),
  scope: azureScope,
  attributes: [nsgRule],
};

/** azurerm_network_interface_security_group_association: a facet of the network interface. */
export const nicNsgAssociationMapping: ResourceMapping = {
  provider: 'azure',
  terraformTypes: ['azurerm_network_interface_security_group_association'],
  nativeTypes: ['Microsoft.Network/networkInterfaces'],
  role: 'facet',
  identities: idOf('network_interface_id'),
  scope: azureScope,
  attributes: [nsgRule],
};
