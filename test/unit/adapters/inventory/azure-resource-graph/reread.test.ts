import { afterEach, describe, expect, it } from 'vitest';
import {
  armTypeOf,
  pickApiVersion,
} from '../../../../../lib/adapters/inventory/azure-resource-graph/api-versions.ts';
import { parseResetsAfter } from '../../../../../lib/adapters/inventory/azure-resource-graph/quota-gate.ts';
import { azureRows, changeRow } from '../../../../fakes/azure-api-server.ts';
import { SUB, setup } from './harness.ts';

let stop: (() => Promise<void>) | undefined;
afterEach(async () => {
  await stop?.();
  stop = undefined;
});

const minutesAgo = (m: number) => new Date(Date.parse('2026-11-24T06:00:00Z') - m * 60_000).toISOString();

describe('re-reading recently changed resources through ARM', () => {
  it('replaces a stale row, drops a deleted one, adds a created one, leaves old changes alone', async () => {
    const stale = azureRows.storageAccount(SUB.a, 'rg-data', 'stchanged', { env: 'dev' });
    const gone = azureRows.storageAccount(SUB.a, 'rg-data', 'stdeleted');
    const old = azureRows.storageAccount(SUB.a, 'rg-data', 'stold', { env: 'dev' });
    const created = azureRows.storageAccount(SUB.a, 'rg-data', 'stcreated', { team: 'data' });
    // ARM's current documents: no Resource Graph columns (resourceGroup, subscriptionId).
    const armDoc = (r: typeof stale, tags: Record<string, string>) => {
      const {
        resourceGroup: _rg,
        subscriptionId: _s,
        tenantId: _t,
        managedBy: _m,
        plan: _p,
        zones: _z,
        extendedLocation: _e,
        ...doc
      } = r;
      return { ...doc, type: 'Microsoft.Storage/storageAccounts', tags };
    };
    const h = await setup(
      {
        rows: [azureRows.subscription(SUB.a), stale, gone, old],
        arm: [
          armDoc(stale, { env: 'prod' }),
          armDoc(old, { env: 'prod' }),
          armDoc(created, { team: 'data' }),
        ],
        changes: [
          changeRow(String(stale.id), 'Update', minutesAgo(3)),
          changeRow(String(stale.id), 'Update', minutesAgo(2)),
          changeRow(String(gone.id), 'Delete', minutesAgo(5)),
          changeRow(String(created.id), 'Create', minutesAgo(1)),
          changeRow(String(old.id), 'Update', minutesAgo(90)),
        ],
      },
      { reread: 30 },
    );
    stop = h.stop;
    const snap = await h.inventory.read();
    const byName = new Map(snap.resources.map((r) => [r.name, r]));
    expect([...byName.keys()].sort()).toEqual(['stchanged', 'stcreated', 'stold']);
    expect(byName.get('stchanged')!.tags).toEqual({ env: 'prod' });
    expect(byName.get('stchanged')!.nativeType).toBe('Microsoft.Storage/storageAccounts');
    // The graph's own columns survive on the replaced row.
    expect(byName.get('stchanged')!.attributes).toMatchObject({
      resourceGroup: 'rg-data',
      subscriptionId: SUB.a,
    });
    expect(byName.get('stold')!.tags).toEqual({ env: 'dev' });
    expect(byName.get('stcreated')!.tags).toEqual({ team: 'data' });
    expect(h.server.callsOf('getById').map((c) => [c.path.split('/').pop(), c.apiVersion, c.status])).toEqual(
      [
        ['stchanged', '2024-01-01', 200],
        ['stdeleted', '2024-01-01', 404],
        ['stcreated', '2024-01-01', 200],
      ],
    );
    expect(h.server.callsOf('providers').map((c) => c.path)).toEqual([
      `/subscriptions/${SUB.a}/providers/Microsoft.Storage`,
    ]);
    expect(h.inventory.lastStats.reread).toEqual([{ replaced: 1, added: 1, removed: 1, failed: 0 }]);
    expect(snap.coverage[0]).toMatchObject({ complete: true });
  });

  it('a failed change query keeps the listing complete (rows are minutes old, not missing)', async () => {
    const h = await setup(
      { rows: [azureRows.subscription(SUB.a), azureRows.storageAccount(SUB.a, 'rg', 'st1')] },
      { reread: 10 },
    );
    stop = h.stop;
    h.server.faults.push({
      on: 'changes',
      times: 9,
      status: 400,
      code: 'BadRequest',
      message: 'Query is invalid.',
    });
    const snap = await h.inventory.read();
    expect(snap.resources).toHaveLength(1);
    expect(snap.coverage[0]).toMatchObject({ complete: true });
    expect(h.inventory.lastStats.reread).toEqual([{ error: '400 BadRequest: Query is invalid.' }]);
  });
});

describe('helpers', () => {
  it('parses hh:mm:ss quota resets', () => {
    expect(parseResetsAfter('00:00:05')).toBe(5000);
    expect(parseResetsAfter('01:02:03.5')).toBe(3_723_500);
    expect(parseResetsAfter('5')).toBeUndefined();
  });
  it('finds namespace and type path of ARM ids and picks a stable api-version', () => {
    expect(
      armTypeOf('/subscriptions/s/resourceGroups/rg/providers/Microsoft.Network/virtualNetworks/v/subnets/x'),
    ).toEqual({
      namespace: 'Microsoft.Network',
      type: 'virtualNetworks/subnets',
    });
    expect(armTypeOf('/subscriptions/s/resourceGroups/rg')).toEqual({
      namespace: 'Microsoft.Resources',
      type: 'resourceGroups',
    });
    expect(pickApiVersion(['2023-01-01', '2024-06-01-preview', '2023-09-01'])).toBe('2023-09-01');
    expect(pickApiVersion(['2024-06-01-preview'])).toBe('2024-06-01-preview');
  });
});
