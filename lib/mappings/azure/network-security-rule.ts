import { getPath, isPlainObject } from '../../core/diff/path.ts';
import type { AttributeRule, ResourceMapping } from '../../core/mapping/types.ts';
import { ABSENT, type LiveResource } from '../../core/model/live-resource.ts';
import type { StateResource } from '../../core/model/state-resource.ts';
import { armSecurityRuleToTerraform, canonicalNsgRule } from '../../core/normalize/azure/nsg-rules.ts';
import { genericNormalizer } from '../../core/normalize/generic.ts';
import { azureScope, prop } from './common.ts';

// The rule's ARM id is `<nsg id>/securityRules/<name>`; its live facts sit inside the NSG's row.
function parentNsgId(res: StateResource): string[] {
  const id = res.attributes.id;
  if (typeof id !== 'string') return [];
  const i = id.toLowerCase().lastIndexOf('/securityrules/');
  return i > 0 ? [id.slice(0, i)] : [];
}

const canonical = (v: unknown) => {
  const g = genericNormalizer.apply(v);
  return isPlainObject(g) ? canonicalNsgRule(g) : g;
};

const liveRule = (live: LiveResource, res: StateResource): unknown => {
  const rules = prop('securityRules')(live);
  if (!Array.isArray(rules)) return rules;
  const name = String(res.attributes.name ?? '').toLowerCase();
  const found = rules.find((r) => isPlainObject(r) && String(r.name).toLowerCase() === name);
  return found ? canonical(armSecurityRuleToTerraform(found)) : null;
};

// One rule per canonical field; lists (merged singular/plural) are reported whole.
function field(key: string, set: boolean): AttributeRule {
  return {
    path: key,
    desired: (res) => getPath(canonical(res.attributes), key),
    actual: (live, res) => {
      const r = liveRule(live, res);
      return r === ABSENT ? ABSENT : getPath(r, key);
    },
    compare: set ? 'set' : 'value',
    skipUnsetDesired: set,
  };
}

const SCALARS = ['priority', 'direction', 'access', 'protocol', 'description'];
const SETS = [
  'source_port_ranges',
  'destination_port_ranges',
  'source_address_prefixes',
  'destination_address_prefixes',
  'source_application_security_group_ids',
  'destination_application_security_group_ids',
];

/**
 * azurerm_network_security_rule: a facet of its NSG, compared against the rule of the same name in
 * the NSG's `securityRules` (singular/plural prefix fields merged, so paths use the plural names).
 */
export const networkSecurityRuleMapping: ResourceMapping = {
  provider: 'azure',
  terraformTypes: ['azurerm_network_security_rule'],
  nativeTypes: ['Microsoft.Network/networkSecurityGroups'],
  role: 'facet',
  identities: parentNsgId,
  scope: azureScope,
  attributes: [...SCALARS.map((k) => field(k, false)), ...SETS.map((k) => field(k, true))],
};
