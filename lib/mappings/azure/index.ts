import type { ResourceMapping } from '../../core/mapping/types.ts';
import { keyVaultMapping } from './key-vault.ts';
import { linuxVirtualMachineMapping } from './linux-virtual-machine.ts';
import { networkSecurityGroupMapping } from './network-security-group.ts';
import { networkSecurityRuleMapping } from './network-security-rule.ts';
import { nicNsgAssociationMapping, subnetNsgAssociationMapping } from './nsg-associations.ts';
import { resourceGroupMapping } from './resource-group.ts';
import { storageAccountMapping } from './storage-account.ts';
import { subnetMapping } from './subnet.ts';
import { virtualNetworkMapping } from './virtual-network.ts';

/** Hand-written azurerm mappings. */
export const azureMappings: readonly ResourceMapping[] = [
  resourceGroupMapping,
  storageAccountMapping,
  virtualNetworkMapping,
  subnetMapping,
  networkSecurityGroupMapping,
  networkSecurityRuleMapping,
  subnetNsgAssociationMapping,
  nicNsgAssociationMapping,
  linuxVirtualMachineMapping,
  keyVaultMapping,
];
