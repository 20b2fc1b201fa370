import { afterEach, describe, expect, it } from 'vitest';
import { azureRows, type Row } from '../../../../fakes/azure-api-server.ts';
import { SUB, setup } from './harness.ts';

let stop: (() => Promise<void>) | undefined;
afterEach(async () => {
  await stop?.();
  stop = undefined;
});

const estate = (sub: string, n: number): Row[] => [
  azureRows.subscription(sub),
  ...Array.from({ length: n }, (_, i) =>
    azureRows.storageAccount(sub, 'rg-data', `stdata${sub.slice(0, 4)}${i}`),
  ),
];
const AUTH_FAILED =
  "The client 'f7a1c9e2-0000-4000-8000-000000000001' with object id 'f7a1c9e2-0000-4000-8000-000000000001' does not have authorization to perform action 'Microsoft.ResourceGraph/resources/read' over scope '/subscriptions/x' or the scope is invalid.";

describe('AzureResourceGraphInventory throttling and faults', () => {
  it('waits out x-ms-user-quota-resets-after when the quota hits 0, without a single 429', async () => {
    // 3 queries per 5 s window; 5 pages needed → one wait of the full window after the 3rd.
    const h = await setup({ rows: estate(SUB.a, 4200), quota: { perWindow: 3, resetsAfter: '00:00:05' } });
    stop = h.stop;
    const snap = await h.inventory.read();
    expect(h.server.callsOf('resources').map((c) => c.status)).toEqual([200, 200, 200, 200, 200]);
    expect(h.inventory.lastStats.quotaWaitsMs).toEqual([5000]);
    expect(h.clock.sleeps).toEqual([5000]);
    expect(h.inventory.lastStats.retries).toBe(0);
    expect(snap.resources).toHaveLength(4200);
    expect(snap.coverage[0]!.complete).toBe(true);
  });

  it('retries a 429 burst honouring Retry-After, then succeeds and counts the retries', async () => {
    const h = await setup({ rows: estate(SUB.a, 10) });
    stop = h.stop;
    h.server.faults.push({
      on: 'resources',
      times: 2,
      status: 429,
      code: 'RateLimiting',
      message: 'Too many requests.',
      headers: { 'retry-after': '7' },
    });
    const snap = await h.inventory.read();
    expect(h.server.callsOf('resources').map((c) => c.status)).toEqual([429, 429, 200]);
    // Retry-After (7 s) is a floor over the jittered backoff (500 ms, 1000 ms).
    expect(h.clock.sleeps).toEqual([7000, 7000]);
    expect(h.inventory.lastStats).toMatchObject({ calls: 3, retries: 2 });
    expect(snap.coverage[0]).toMatchObject({ complete: true });
    expect(snap.resources).toHaveLength(10);
  });

  it('a 5xx past every retry leaves that batch incomplete with the reason; read() does not throw', async () => {
    const h = await setup(
      { rows: [...estate(SUB.a, 3), ...estate(SUB.b, 3)] },
      { subscriptions: [SUB.a, SUB.b], batchSize: 1 },
    );
    stop = h.stop;
    h.server.faults.push({
      on: 'resources',
      subscription: SUB.a,
      times: 99,
      status: 503,
      code: 'ServiceUnavailable',
      message: 'The service is unavailable.',
    });
    const snap = await h.inventory.read();
    expect(h.server.callsOf('resources').map((c) => c.status)).toEqual([503, 503, 503, 503, 200]);
    expect(h.clock.sleeps).toEqual([500, 1000, 2000]);
    expect(snap.coverage).toEqual([
      expect.objectContaining({
        scope: `azure:${SUB.a}`,
        complete: false,
        reason: 'Resource Graph query failed: 503 ServiceUnavailable: The service is unavailable.',
      }),
      expect.objectContaining({ scope: `azure:${SUB.b}`, complete: true }),
    ]);
    expect(snap.resources.map((r) => r.scope)).toEqual(Array(3).fill(`azure:${SUB.b}`));
  });

  it('a timeout is retried, and after the last attempt the scope is incomplete', async () => {
    const h = await setup({ rows: estate(SUB.a, 2) }, { timeoutMs: 150, attempts: 2 });
    stop = h.stop;
    h.server.faults.push({ on: 'resources', times: 2, hangMs: 600 });
    const snap = await h.inventory.read();
    expect(h.inventory.lastStats).toMatchObject({ calls: 2, retries: 1 });
    expect(snap.coverage[0]).toMatchObject({
      complete: false,
      reason: 'Resource Graph query failed: resourcegraph.resources timed out after 150 ms',
    });
  });

  it('403 AuthorizationFailed is not retried and fails only its batch', async () => {
    const h = await setup(
      { rows: [...estate(SUB.a, 2), ...estate(SUB.b, 2)] },
      { subscriptions: [SUB.a, SUB.b], batchSize: 1 },
    );
    stop = h.stop;
    h.server.faults.push({
      on: 'resources',
      subscription: SUB.b,
      times: 99,
      status: 403,
      code: 'AuthorizationFailed',
      message: AUTH_FAILED,
    });
    const snap = await h.inventory.read();
    expect(h.server.callsOf('resources').map((c) => c.status)).toEqual([200, 403]);
    expect(h.inventory.lastStats.retries).toBe(0);
    expect(snap.coverage[1]).toMatchObject({ scope: `azure:${SUB.b}`, complete: false });
    expect(snap.coverage[1]!.reason).toMatch(
      /^Resource Graph query failed: 403 AuthorizationFailed: The client /,
    );
  });
});
