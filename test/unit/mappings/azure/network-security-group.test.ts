import { describe, expect, it } from 'vitest';
import { networkSecurityGroupMapping as nsg } from '../../../../lib/mappings/azure/network-security-group.ts';
import { networkSecurityRuleMapping as rule } from '../../../../lib/mappings/azure/network-security-rule.ts';
import { subnetNsgAssociationMapping as assoc } from '../../../../lib/mappings/azure/nsg-associations.ts';
import { diff, fixture, liveOf, stateOf } from './helpers.ts';

type Row = Record<string, unknown> & { properties: Record<string, unknown> };
type Rule = { name: string; properties: Record<string, unknown> };
const state = () => stateOf('azurerm_network_security_group', fixture('network-security-group.tfstate.json'));
const row = () => fixture<Row>('network-security-group.graph.json');
const rules = (r: Row) => r.properties.securityRules as Rule[];

describe('azurerm_network_security_group', () => {
  it('is clean: rule order, singular vs plural fields, protocol case, default rules ignored', () => {
    expect(diff(nsg, state(), liveOf(row()))).toEqual([]);
  });

  it('reports the SSH rule opened to the Internet as the whole rule set', () => {
    const r = row();
    rules(r)[0]!.properties.sourceAddressPrefix = 'Internet';
    const changes = diff(nsg, state(), liveOf(r));
    expect(changes).toHaveLength(1);
    expect(changes[0]!.path).toBe('security_rule');
    const ssh = (v: unknown) => (v as { name: string }[]).find((x) => x.name === 'allow-ssh');
    expect(ssh(changes[0]!.desired)).toEqual({
      name: 'allow-ssh',
      priority: 100,
      direction: 'inbound',
      access: 'allow',
      protocol: 'tcp',
      description: 'SSH from the corporate range',
      source_port_ranges: ['*'],
      destination_port_ranges: ['22'],
      source_address_prefixes: ['10.0.0.0/8'],
      destination_address_prefixes: ['virtualnetwork'],
    });
    expect(ssh(changes[0]!.actual)).toMatchObject({ source_address_prefixes: ['internet'] });
  });

  it('an NSG whose rules are standalone resources (empty security_rule) leaves them to the facets', () => {
    const attrs = fixture('network-security-group.tfstate.json');
    attrs.security_rule = [];
    expect(diff(nsg, stateOf('azurerm_network_security_group', attrs), liveOf(row()))).toEqual([]);
  });

  it('reports a rule added in the portal', () => {
    const r = row();
    rules(r).push({
      name: 'temp-rdp',
      properties: {
        protocol: '*',
        sourcePortRange: '*',
        destinationPortRange: '3389',
        sourceAddressPrefix: '*',
        destinationAddressPrefix: '*',
        access: 'Allow',
        priority: 4000,
        direction: 'Inbound',
      },
    });
    const [change] = diff(nsg, state(), liveOf(r));
    expect((change!.desired as unknown[]).length).toBe(2);
    expect((change!.actual as unknown[]).length).toBe(3);
  });
});

describe('azurerm_network_security_rule (facet of the NSG)', () => {
  const ruleState = () =>
    stateOf('azurerm_network_security_rule', fixture('network-security-rule.tfstate.json'));

  it('matches the parent NSG and is clean', () => {
    expect(rule.identities(ruleState())).toEqual([row().id]);
    expect(diff(rule, ruleState(), liveOf(row()))).toEqual([]);
  });

  it('reports the source opened to *', () => {
    const r = row();
    rules(r)[0]!.properties.sourceAddressPrefix = '*';
    expect(diff(rule, ruleState(), liveOf(r))).toEqual([
      { path: 'source_address_prefixes', desired: ['10.0.0.0/8'], actual: ['*'] },
    ]);
  });
});

describe('azurerm_subnet_network_security_group_association (facet of the subnet)', () => {
  const s = () =>
    stateOf(
      'azurerm_subnet_network_security_group_association',
      fixture('subnet-nsg-association.tfstate.json'),
    );

  it('is clean when the subnet carries the NSG (id casing ignored) and reports a detached NSG', () => {
    const sub = fixture<Record<string, { id: string }>>('subnet.az.json');
    sub.networkSecurityGroup!.id = sub.networkSecurityGroup!.id.toLowerCase();
    expect(diff(assoc, s(), liveOf(sub))).toEqual([]);
    delete sub.networkSecurityGroup;
    expect(diff(assoc, s(), liveOf(sub))).toEqual([
      {
        path: 'network_security_group_id',
        desired:
          '/subscriptions/7f3c2a91-5d4e-4b8a-9c1f-2e6d8a0b4c55/resourceGroups/rg-app-prod/providers/Microsoft.Network/networkSecurityGroups/nsg-app',
        actual: null,
      },
    ]);
  });
});
