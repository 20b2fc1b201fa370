import type { AttributeRule, ResourceMapping } from '../../core/mapping/types.ts';
import { armSecurityRuleToTerraform, nsgRuleSet } from '../../core/normalize/azure/nsg-rules.ts';
import { armIdentities, azureScope, locationRule, prop, tagsRule } from './common.ts';

const liveRules: AttributeRule['actual'] = (live) => {
  const rules = prop('securityRules')(live);
  return Array.isArray(rules) ? rules.map(armSecurityRuleToTerraform) : rules;
};

/**
 * azurerm_network_security_group ↔ `Microsoft.Network/networkSecurityGroups`. Inline rules are
 * compared as one unordered set (default rules live in `defaultSecurityRules`, not part of it).
 */
export const networkSecurityGroupMapping: ResourceMapping = {
  provider: 'azure',
  terraformTypes: ['azurerm_network_security_group'],
  nativeTypes: ['Microsoft.Network/networkSecurityGroups'],
  identities: armIdentities,
  scope: azureScope,
  attributes: [
    locationRule,
    tagsRule,
    // An empty set in state means "rules are standalone azurerm_network_security_rule resources"
    // (the NSG's state may predate them); those compare one by one as facets instead.
    { path: 'security_rule', actual: liveRules, normalize: [nsgRuleSet], compare: 'set' },
  ],
};
