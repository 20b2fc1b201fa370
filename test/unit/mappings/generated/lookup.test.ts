import { describe, expect, it } from 'vitest';
import { buildGeneratedMappings } from '../../../../lib/mappings/generated/build.ts';
import { createTypeMapIndex } from '../../../../lib/mappings/generated/lookup.ts';
import type { TypeMapRow } from '../../../../lib/mappings/generated/type-map-row.ts';

const rows: TypeMapRow[] = [
  {
    provider: 'gcp',
    terraformType: 'google_pubsub_topic',
    nativeType: 'pubsub.googleapis.com/Topic',
    inventory: 'cloudasset',
  },
  {
    provider: 'gcp',
    terraformType: 'google_pubsub_topic_iam_member',
    nativeType: 'pubsub.googleapis.com/Topic',
    inventory: 'cloudasset:iam_policy',
  },
  {
    provider: 'azure',
    terraformType: 'azurerm_dns_zone',
    nativeType: 'Microsoft.Network/dnszones',
    inventory: 'resourcegraph',
  },
  {
    provider: 'azure',
    terraformType: 'azurerm_dns_zone',
    nativeType: 'Microsoft.Network/dnsZones',
    inventory: 'resourcegraph',
  },
  {
    provider: 'aws',
    terraformType: 'aws_iam_role_policy',
    nativeType: 'AWS::IAM::Policy',
    inventory: 'none',
  },
  { provider: 'aws', terraformType: 'aws_iam_policy', nativeType: 'AWS::IAM::Policy', inventory: 'config' },
];

describe('createTypeMapIndex', () => {
  const index = createTypeMapIndex(rows);

  it('prefers the inventory that lists the item itself, whatever the row order', () => {
    expect(index.inventoryOf('gcp', 'pubsub.googleapis.com/Topic')).toBe('cloudasset');
    expect(createTypeMapIndex([...rows].reverse()).inventoryOf('aws', 'AWS::IAM::Policy')).toBe('config');
  });

  it('rowsOf returns the rows of one type', () => {
    expect(index.rowsOf('azurerm_dns_zone')).toHaveLength(2);
    expect(index.rowsOf('nope')).toEqual([]);
  });

  it('iterates Azure native types in their original casing', () => {
    expect([...index.knownNativeTypes('azure')]).toEqual([
      'Microsoft.Network/dnszones',
      'Microsoft.Network/dnsZones',
    ]);
    expect(index.knownNativeTypes('kubernetes').size).toBe(0);
  });
});

describe('buildGeneratedMappings', () => {
  it('deduplicates Azure native types case-insensitively and keeps the first spelling', () => {
    const [zone] = buildGeneratedMappings(rows.filter((r) => r.provider === 'azure'));
    expect(zone?.nativeTypes).toEqual(['Microsoft.Network/dnszones']);
  });

  it('a GCP IAM member is an association, the topic a resource', () => {
    const roles = buildGeneratedMappings(rows).map((m) => [m.terraformTypes[0], m.role, m.nativeTypes]);
    expect(roles).toEqual([
      ['google_pubsub_topic', 'resource', ['pubsub.googleapis.com/Topic']],
      ['google_pubsub_topic_iam_member', 'association', []],
      ['azurerm_dns_zone', 'resource', ['Microsoft.Network/dnszones']],
      ['aws_iam_role_policy', 'association', []],
      ['aws_iam_policy', 'resource', ['AWS::IAM::Policy']],
    ]);
  });
});
