import type { ResourceMapping } from '../../core/mapping/types.ts';
import { armIdentities, azureScope, locationRule, tagsRule } from './common.ts';

/** azurerm_resource_group ↔ a resourcecontainers row (`microsoft.resources/subscriptions/resourcegroups`). */
export const resourceGroupMapping: ResourceMapping = {
  provider: 'azure',
  terraformTypes: ['azurerm_resource_group'],
  // Resource Graph's resourcecontainers table and `az group list` spell the type differently.
  nativeTypes: ['Microsoft.Resources/resourceGroups', 'Microsoft.Resources/subscriptions/resourceGroups'],
  identities: armIdentities,
  scope: azureScope,
  attributes: [locationRule, tagsRule],
};
