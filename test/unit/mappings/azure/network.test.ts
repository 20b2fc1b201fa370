import { describe, expect, it } from 'vitest';
import { resourceGroupMapping } from '../../../../lib/mappings/azure/resource-group.ts';
import { subnetMapping } from '../../../../lib/mappings/azure/subnet.ts';
import { virtualNetworkMapping } from '../../../../lib/mappings/azure/virtual-network.ts';
import { diff, fixture, liveOf, stateOf } from './helpers.ts';

type Row = Record<string, unknown> & { properties: Record<string, unknown> };
const SUBNET_ID =
  '/subscriptions/7f3c2a91-5d4e-4b8a-9c1f-2e6d8a0b4c55/resourceGroups/rg-app-prod/providers/Microsoft.Network/virtualNetworks/vnet-app-prod/subnets/snet-app';

describe('azurerm_resource_group', () => {
  const state = (location = 'West Europe') =>
    stateOf('azurerm_resource_group', { ...fixture('resource-group.tfstate.json'), location });

  it('a resourcecontainers row is clean whatever the location spelling', () => {
    for (const loc of ['West Europe', 'westeurope', 'WestEurope'])
      expect(diff(resourceGroupMapping, state(loc), liveOf(fixture('resource-group.graph.json')))).toEqual(
        [],
      );
  });

  it('reports a tag changed and a region difference', () => {
    const r = fixture<Row>('resource-group.graph.json');
    r.tags = { env: 'staging' };
    r.location = 'northeurope';
    expect(diff(resourceGroupMapping, state(), liveOf(r))).toEqual([
      { path: 'location', desired: 'westeurope', actual: 'northeurope' },
      { path: 'tags.env', desired: 'prod', actual: 'staging' },
    ]);
  });

  it('serves both spellings of the native type', () => {
    expect(resourceGroupMapping.nativeTypes.map((t) => t.toLowerCase())).toContain(
      'microsoft.resources/subscriptions/resourcegroups',
    );
  });
});

describe('azurerm_virtual_network', () => {
  const state = () => stateOf('azurerm_virtual_network', fixture('virtual-network.tfstate.json'));

  it('is clean with address prefixes in another order', () => {
    expect(diff(virtualNetworkMapping, state(), liveOf(fixture('virtual-network.graph.json')))).toEqual([]);
  });

  it('reports an address space added and DNS servers reordered', () => {
    const r = fixture<Row>('virtual-network.graph.json');
    r.properties.addressSpace = { addressPrefixes: ['10.20.0.0/16', '10.21.0.0/16', '10.99.0.0/16'] };
    r.properties.dhcpOptions = { dnsServers: ['10.20.0.5', '10.20.0.4'] };
    expect(diff(virtualNetworkMapping, state(), liveOf(r))).toEqual([
      {
        path: 'address_space',
        desired: ['10.20.0.0/16', '10.21.0.0/16'],
        actual: ['10.20.0.0/16', '10.21.0.0/16', '10.99.0.0/16'],
      },
      { path: 'dns_servers.0', desired: '10.20.0.4', actual: '10.20.0.5' },
      { path: 'dns_servers.1', desired: '10.20.0.5', actual: '10.20.0.4' },
    ]);
  });

  it('claims its inline subnets as children', () => {
    expect(virtualNetworkMapping.children?.(state())).toEqual([SUBNET_ID]);
  });
});

describe('azurerm_subnet', () => {
  const state = () => stateOf('azurerm_subnet', fixture('subnet.tfstate.json'));
  const embedded = () => {
    const vnet = fixture<Row>('virtual-network.graph.json');
    return (vnet.properties.subnets as Row[])[0]!;
  };

  it('is clean against the flattened az CLI object and the nested ARM object', () => {
    expect(diff(subnetMapping, state(), liveOf(fixture('subnet.az.json')))).toEqual([]);
    expect(diff(subnetMapping, state(), liveOf(embedded()))).toEqual([]);
  });

  it('compares addressPrefix (singular) with address_prefixes and reports a service endpoint added', () => {
    const s = embedded();
    s.properties.addressPrefix = '10.20.2.0/24';
    (s.properties.serviceEndpoints as unknown[]).push({ service: 'Microsoft.KeyVault', locations: ['*'] });
    expect(diff(subnetMapping, state(), liveOf(s))).toEqual([
      { path: 'address_prefixes', desired: ['10.20.1.0/24'], actual: ['10.20.2.0/24'] },
      {
        path: 'service_endpoints',
        desired: ['Microsoft.Storage'],
        actual: ['Microsoft.KeyVault', 'Microsoft.Storage'],
      },
    ]);
  });

  it('prefers addressPrefixes when ARM returns the plural form', () => {
    const s = embedded();
    delete s.properties.addressPrefix;
    s.properties.addressPrefixes = ['10.20.1.0/24'];
    expect(diff(subnetMapping, state(), liveOf(s))).toEqual([]);
  });

  it('reports private link policies flipped (v3 boolean vs ARM enum)', () => {
    const s = embedded();
    s.properties.privateLinkServiceNetworkPolicies = 'Disabled';
    expect(diff(subnetMapping, state(), liveOf(s))).toEqual([
      { path: 'private_link_service_network_policies_enabled', desired: true, actual: false },
    ]);
  });
});
