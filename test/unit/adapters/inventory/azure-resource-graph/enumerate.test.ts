import { afterEach, describe, expect, it } from 'vitest';
import {
  AzureResourceGraphInventory,
  LISTED_NATIVE_TYPES,
} from '../../../../../lib/adapters/inventory/azure-resource-graph/index.ts';
import { UsageError } from '../../../../../lib/core/model/errors.ts';
import { azureRows, type Row } from '../../../../fakes/azure-api-server.ts';
import { fakeCredential, SUB, setup } from './harness.ts';

let stop: (() => Promise<void>) | undefined;
afterEach(async () => {
  await stop?.();
  stop = undefined;
});

function estate(sub: string, accounts: number): Row[] {
  const rows: Row[] = [azureRows.subscription(sub), azureRows.resourceGroup(sub, 'rg-app', { env: 'prod' })];
  rows.push(azureRows.virtualMachine(sub, 'rg-app', 'vm-web-01'));
  rows.push(azureRows.networkSecurityGroup(sub, 'rg-app', 'nsg-web'));
  rows.push(azureRows.virtualNetwork(sub, 'rg-app', 'vnet-app', ['snet-web', 'snet-data']));
  for (let i = 0; i < accounts; i++)
    rows.push(azureRows.storageAccount(sub, 'rg-app', `stapp${String(i).padStart(5, '0')}`));
  return rows;
}

describe('AzureResourceGraphInventory enumeration', () => {
  it('follows $skipToken over 3 pages of 1000 and lifts subnets out of VNets', async () => {
    const h = await setup({ rows: estate(SUB.a, 2500) });
    stop = h.stop;
    const snap = await h.inventory.read();
    const pages = h.server.callsOf('resources');
    expect(pages.map((c) => c.status)).toEqual([200, 200, 200]);
    expect(pages[0]!.skipToken).toBeUndefined();
    expect(JSON.parse(Buffer.from(pages[2]!.skipToken!, 'base64').toString()).RowsToSkip).toBe(2000);
    expect(pages.every((c) => c.apiVersion === '2021-03-01')).toBe(true);
    // 2505 rows: the subscription row is scope information, 2 subnets are lifted out of the VNet.
    expect(snap.resources).toHaveLength(2500 + 4 + 2);
    const subnet = snap.resources.find((r) => r.name === 'snet-data')!;
    expect(subnet.nativeType).toBe('Microsoft.Network/virtualNetworks/subnets');
    expect(subnet.attributes?.properties).toMatchObject({ addressPrefix: '10.0.1.0/24' });
    const vm = snap.resources.find((r) => r.nativeType === 'microsoft.compute/virtualmachines')!;
    expect(vm.scope).toBe(`azure:${SUB.a}`);
    expect(vm.tags).toEqual({ env: 'prod' });
    expect(vm.attributes).toMatchObject({
      zones: ['1'],
      properties: { hardwareProfile: { vmSize: 'Standard_B2s' } },
    });
    expect(snap.coverage).toHaveLength(1);
    expect(snap.coverage[0]).toMatchObject({
      scope: `azure:${SUB.a}`,
      complete: true,
      source: 'azure-resource-graph:prod',
    });
    expect(h.ops).toEqual(['resourcegraph.resources', 'resourcegraph.resources', 'resourcegraph.resources']);
    expect(h.inventory.lastStats).toMatchObject({ calls: 3, retries: 0 });
  });

  it('covers the types Resource Graph lists, not deployments it does not', async () => {
    const h = await setup({ rows: estate(SUB.a, 1) });
    stop = h.stop;
    const snap = await h.inventory.read();
    const types = snap.coverage[0]!.nativeTypes as string[];
    expect(types).toContain('Microsoft.Storage/storageAccounts');
    expect(types).toContain('Microsoft.Network/virtualNetworks/subnets');
    expect(types).toContain('Microsoft.Resources/subscriptions/resourceGroups');
    expect(types).toContain('microsoft.compute/virtualmachines');
    expect(types).not.toContain('Microsoft.Resources/deployments');
    expect(LISTED_NATIVE_TYPES.length).toBeGreaterThan(250);
  });

  it('batches subscriptions: 5 subscriptions in batches of 2 → 3 queries, one scope each', async () => {
    const subs = [SUB.a, SUB.b, SUB.c, SUB.d, '0d1e2f3a-4b5c-4d6e-8f7a-9b0c1d2e3f45'];
    const h = await setup({ rows: subs.flatMap((s) => estate(s, 3)) }, { subscriptions: subs, batchSize: 2 });
    stop = h.stop;
    const snap = await h.inventory.read();
    expect(h.server.callsOf('resources').map((c) => c.subscriptions)).toEqual([
      [SUB.a, SUB.b],
      [SUB.c, SUB.d],
      [subs[4]],
    ]);
    expect(snap.coverage.map((c) => [c.scope, c.complete])).toEqual(subs.map((s) => [`azure:${s}`, true]));
    expect(snap.resources).toHaveLength(5 * (3 + 4 + 2));
  });

  it('only: reads one subscription (a scan shard)', async () => {
    const h = await setup(
      { rows: [...estate(SUB.a, 1), ...estate(SUB.b, 1)] },
      { subscriptions: [SUB.a, SUB.b], only: SUB.b },
    );
    stop = h.stop;
    const snap = await h.inventory.read();
    expect(h.inventory.name).toBe(`azure-resource-graph:prod/${SUB.b}`);
    expect(h.server.callsOf('resources').map((c) => c.subscriptions)).toEqual([[SUB.b]]);
    expect(snap.coverage.map((c) => c.scope)).toEqual([`azure:${SUB.b}`]);
    expect(new Set(snap.resources.map((r) => r.scope))).toEqual(new Set([`azure:${SUB.b}`]));
  });

  it('a subscription Resource Graph silently skips is incomplete, never empty-and-complete', async () => {
    const h = await setup(
      { rows: [...estate(SUB.a, 1), ...estate(SUB.b, 1)], inaccessible: [SUB.b] },
      { subscriptions: [SUB.a, SUB.b] },
    );
    stop = h.stop;
    const snap = await h.inventory.read();
    expect(snap.coverage).toEqual([
      expect.objectContaining({ scope: `azure:${SUB.a}`, complete: true }),
      {
        provider: 'azure',
        scope: `azure:${SUB.b}`,
        nativeTypes: '*',
        complete: false,
        reason:
          'Resource Graph returned nothing for this subscription (no read access, or not in the tenant)',
        source: 'azure-resource-graph:prod',
      },
    ]);
  });

  it('rejects an `only` outside the scopes with a one-line UsageError', () => {
    expect(
      () =>
        new AzureResourceGraphInventory({
          target: 'prod',
          scopes: { subscriptions: [SUB.a], rereadChangedWithinMinutes: 0, concurrency: 1 },
          credential: fakeCredential,
          only: SUB.b,
        }),
    ).toThrow(new UsageError(`only: subscription ${SUB.b} is not in the target's scopes`, 'prod'));
  });
});
