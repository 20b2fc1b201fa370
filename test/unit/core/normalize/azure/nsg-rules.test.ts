import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { armSecurityRuleToTerraform, nsgRuleSet } from '../../../../../lib/core/normalize/azure/nsg-rules.ts';
import { genericNormalizer } from '../../../../../lib/core/normalize/generic.ts';

const tfRule = {
  name: 'allow-https',
  priority: 110,
  direction: 'Inbound',
  access: 'Allow',
  protocol: 'Tcp',
  description: '',
  source_port_range: '*',
  source_port_ranges: [],
  destination_port_range: '',
  destination_port_ranges: ['443', '8443'],
  source_address_prefix: 'Internet',
  source_address_prefixes: [],
  destination_address_prefix: '*',
  destination_address_prefixes: [],
  source_application_security_group_ids: [],
  destination_application_security_group_ids: [],
};

const armRule = {
  name: 'allow-https',
  id: '/subscriptions/s/resourceGroups/rg/providers/Microsoft.Network/networkSecurityGroups/n/securityRules/allow-https',
  properties: {
    protocol: 'TCP',
    sourcePortRange: '*',
    destinationPortRanges: ['8443', '443'],
    sourceAddressPrefix: 'internet',
    destinationAddressPrefix: '*',
    access: 'Allow',
    priority: 110,
    direction: 'Inbound',
    sourcePortRanges: [],
    sourceAddressPrefixes: [],
    destinationAddressPrefixes: [],
  },
};

const norm = (v: unknown) => nsgRuleSet.apply(genericNormalizer.apply(v));

describe('nsgRuleSet', () => {
  it('makes the provider rule and the ARM rule equal (singular/plural, case, order)', () => {
    expect(norm([tfRule])).toEqual(norm([armSecurityRuleToTerraform(armRule)]));
    expect(norm([tfRule])).toEqual([
      {
        name: 'allow-https',
        priority: 110,
        direction: 'inbound',
        access: 'allow',
        protocol: 'tcp',
        source_port_ranges: ['*'],
        destination_port_ranges: ['443', '8443'],
        source_address_prefixes: ['internet'],
        destination_address_prefixes: ['*'],
      },
    ]);
  });

  it('tells a rule opened to * from the original', () => {
    const opened = { ...tfRule, source_address_prefix: '*' };
    expect(norm([opened])).not.toEqual(norm([tfRule]));
  });

  const ruleArb = fc.record({
    name: fc.constantFrom('a', 'b', 'c'),
    priority: fc.integer({ min: 100, max: 4096 }),
    direction: fc.constantFrom('Inbound', 'Outbound', 'inbound'),
    protocol: fc.constantFrom('Tcp', 'UDP', '*'),
    source_port_range: fc.constantFrom('*', '22', ''),
    destination_port_ranges: fc.array(fc.constantFrom('22', '443', '1000-2000', 80), { maxLength: 3 }),
    source_address_prefixes: fc.array(fc.constantFrom('10.0.0.0/8', 'Internet', '*'), { maxLength: 3 }),
  });

  it('is idempotent and order-insensitive', () => {
    fc.assert(
      fc.property(fc.array(ruleArb, { maxLength: 5 }), (rules) => {
        const once = nsgRuleSet.apply(rules);
        expect(nsgRuleSet.apply(once)).toEqual(once);
        expect(nsgRuleSet.apply([...rules].reverse())).toEqual(once);
      }),
    );
  });
});
