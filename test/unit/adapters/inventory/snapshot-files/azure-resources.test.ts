import { describe, expect, it } from 'vitest';
import { parseInventoryText } from '../../../../../lib/adapters/inventory/snapshot-files/index.ts';
import { byType, loadFixture } from './fixtures.ts';

const SUB = '6f1c2b3a-4d5e-4f60-9a7b-8c9d0e1f2a3b';

describe('Azure az graph query output', () => {
  const snap = loadFixture('azure/graph-query/az-graph-query.json');

  it('skips the subscription row and keeps resource groups from resourcecontainers', () => {
    expect(snap.resources.map((r) => r.nativeType)).not.toContain('microsoft.resources/subscriptions');
    const rg = byType(snap, 'microsoft.resources/subscriptions/resourcegroups');
    expect(rg.id).toBe(`/subscriptions/${SUB}/resourceGroups/rg-shop-prod`);
    expect(rg.name).toBe('rg-shop-prod');
  });

  it('keeps the whole row as attributes so mappings read properties.x, sku.name, location', () => {
    const st = byType(snap, 'microsoft.storage/storageaccounts');
    expect(st.attributes?.location).toBe('westeurope');
    expect(st.attributes?.sku).toMatchObject({ name: 'Standard_GRS' });
    expect(st.attributes?.properties).toMatchObject({ minimumTlsVersion: 'TLS1_2' });
    expect(st.scope).toBe(`azure:${SUB}`);
    expect(st.tags).toEqual({ env: 'prod', owner: 'shop-team' });
    expect(st.capturedAt).toBeNull();
  });

  it('reports one complete evidence entry for the subscription', () => {
    expect(snap.coverage).toHaveLength(1);
    expect(snap.coverage[0]?.complete).toBe(true);
    expect(snap.coverage[0]?.nativeTypes).toHaveLength(7);
  });

  it('lifts subnets out of their virtual network (Resource Graph has no subnet rows)', () => {
    const subnets = snap.resources.filter(
      (r) => r.nativeType === 'Microsoft.Network/virtualNetworks/subnets',
    );
    expect(subnets.length).toBeGreaterThan(0);
    for (const s of subnets) {
      expect(s.id).toMatch(/\/virtualNetworks\/[^/]+\/subnets\/[^/]+$/i);
      expect(s.attributes?.properties).toBeTruthy();
      expect(s.tags).toBeNull();
    }
  });

  it('marks a paged result (skip_token) incomplete', () => {
    const row = {
      id: `/subscriptions/${SUB}/resourceGroups/a`,
      type: 'microsoft.resources/subscriptions/resourcegroups',
    };
    const text = JSON.stringify({
      count: 1,
      data: [row],
      skip_token: 'ew0KICAiJGlkIjogIjEiLA==',
      total_records: 250,
    });
    const [e] = parseInventoryText(text, 'g.json').coverage;
    expect(e?.complete).toBe(false);
    expect(e?.reason).toMatch(/skip_token/);
  });

  it('reads the REST table format (columns + rows)', () => {
    const text = JSON.stringify({
      totalRecords: 1,
      count: 1,
      data: {
        columns: [
          { name: 'id', type: 'string' },
          { name: 'type', type: 'string' },
          { name: 'tags', type: 'object' },
        ],
        rows: [
          [
            `/subscriptions/${SUB.toUpperCase()}/resourceGroups/b`,
            'microsoft.resources/subscriptions/resourcegroups',
            null,
          ],
        ],
      },
    });
    const [r] = parseInventoryText(text, 't.json').resources;
    expect(r?.scope).toBe(`azure:${SUB}`);
    expect(r?.tags).toEqual({});
    expect(r?.name).toBe('b');
  });
});

describe('Azure az resource list', () => {
  const snap = loadFixture('azure/resource-list/az-resource-list.json');

  it('keeps properties: null (not carried) and proper-case types', () => {
    const vm = byType(snap, 'Microsoft.Compute/virtualMachines');
    expect(vm.attributes?.properties).toBeNull();
    expect(vm.attributes?.zones).toEqual(['1']);
    expect(vm.capturedAt).toBe('2024-06-13T08:23:13.482Z');
  });

  it('reads tags: null as no tags', () => {
    expect(byType(snap, 'Microsoft.Network/networkSecurityGroups').tags).toEqual({});
  });

  it('takes the subscription from the id whatever the casing of the rest', () => {
    expect(byType(snap, 'Microsoft.Compute/disks').scope).toBe(`azure:${SUB}`);
  });

  it('projection without a tags column does not carry tags', () => {
    const text = JSON.stringify({
      count: 1,
      data: [{ id: `/subscriptions/${SUB}/x`, type: 't/x' }],
      skip_token: null,
    });
    expect(parseInventoryText(text, 'p.json').resources[0]?.tags).toBeNull();
  });
});
