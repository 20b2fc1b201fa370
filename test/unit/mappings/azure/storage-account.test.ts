import { describe, expect, it } from 'vitest';
import { normalizeIdentity } from '../../../../lib/core/model/identity.ts';
import { storageAccountMapping as m } from '../../../../lib/mappings/azure/storage-account.ts';
import { diff, fixture, liveOf, stateOf } from './helpers.ts';

type Row = Record<string, unknown> & { properties: Record<string, unknown>; sku: { name: string } };
const state = () => stateOf('azurerm_storage_account', fixture('storage-account.tfstate.json'));
const row = () => fixture<Row>('storage-account.graph.json');

describe('azurerm_storage_account', () => {
  it('a Resource Graph row of the same account is clean (location, sku split, bypass, id casing)', () => {
    expect(diff(m, state(), liveOf(row()))).toEqual([]);
  });

  it('an az resource list item (properties: null) compares only the top-level facts', () => {
    expect(diff(m, state(), liveOf(fixture('storage-account.resource-list.json')))).toEqual([]);
    const item = fixture<Row>('storage-account.resource-list.json');
    item.sku.name = 'Standard_GRS';
    expect(diff(m, state(), liveOf(item))).toEqual([
      { path: 'account_replication_type', desired: 'LRS', actual: 'GRS' },
    ]);
  });

  it('reports blob public access opened', () => {
    const r = row();
    r.properties.allowBlobPublicAccess = true;
    expect(diff(m, state(), liveOf(r))).toEqual([
      { path: 'allow_nested_items_to_be_public', desired: false, actual: true },
    ]);
  });

  it('reports firewall, TLS, https and tag drift with exact values', () => {
    const r = row();
    r.properties.minimumTlsVersion = 'TLS1_0';
    r.properties.supportsHttpsTrafficOnly = false;
    r.properties.networkAcls = {
      bypass: 'AzureServices',
      virtualNetworkRules: [],
      ipRules: [],
      defaultAction: 'Allow',
    };
    r.tags = { env: 'dev', owner: 'platform', costcenter: '42' };
    expect(diff(m, state(), liveOf(r))).toEqual([
      { path: 'tags.costcenter', desired: null, actual: 42 },
      { path: 'tags.env', desired: 'prod', actual: 'dev' },
      { path: 'enable_https_traffic_only', desired: true, actual: false },
      { path: 'min_tls_version', desired: 'TLS1_2', actual: 'TLS1_0' },
      { path: 'network_rules.0.default_action', desired: 'Deny', actual: 'Allow' },
      { path: 'network_rules.0.bypass', desired: ['AzureServices', 'Logging'], actual: ['AzureServices'] },
      { path: 'network_rules.0.ip_rules', desired: ['203.0.113.0/24'], actual: null },
      {
        path: 'network_rules.0.virtual_network_subnet_ids',
        desired: [
          '/subscriptions/7f3c2a91-5d4e-4b8a-9c1f-2e6d8a0b4c55/resourcegroups/rg-app-prod/providers/microsoft.network/virtualnetworks/vnet-app-prod/subnets/snet-app',
        ],
        actual: null,
      },
    ]);
  });

  it('treats accounts that omit allowBlobPublicAccess as the old default (allowed)', () => {
    const r = row();
    delete r.properties.allowBlobPublicAccess;
    expect(diff(m, state(), liveOf(r))).toEqual([
      { path: 'allow_nested_items_to_be_public', desired: false, actual: true },
    ]);
  });

  it('reads provider v4 attribute names too', () => {
    const attrs = fixture('storage-account.tfstate.json');
    delete attrs.enable_https_traffic_only;
    attrs.https_traffic_only_enabled = true;
    const r = row();
    r.properties.supportsHttpsTrafficOnly = false;
    expect(diff(m, stateOf('azurerm_storage_account', attrs), liveOf(r))).toEqual([
      { path: 'https_traffic_only_enabled', desired: true, actual: false },
    ]);
  });

  it('identity and scope meet the live id after normalization', () => {
    const s = state();
    expect(m.identities(s).map((i) => normalizeIdentity('azure', i))).toEqual([
      normalizeIdentity('azure', row().id as string),
    ]);
    expect(m.scope?.(s)).toBe('azure:7f3c2a91-5d4e-4b8a-9c1f-2e6d8a0b4c55');
  });
});
