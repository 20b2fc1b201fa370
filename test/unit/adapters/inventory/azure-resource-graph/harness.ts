import type { TokenCredential } from '@azure/identity';
import {
  type AzureOp,
  AzureResourceGraphInventory,
} from '../../../../../lib/adapters/inventory/azure-resource-graph/index.ts';
import { AzureApiServer, type AzureFakeOptions } from '../../../../fakes/azure-api-server.ts';

/** Version-4 GUIDs: zod's uuid check wants real ones. */
export const SUB = {
  a: '3f1c2b6e-8d4a-4e7b-9c21-0a5d6e7f8a91',
  b: '7b2e4c1d-5f6a-4b8c-8d9e-1f2a3b4c5d62',
  c: 'c4d5e6f7-1a2b-4c3d-9e8f-7a6b5c4d3e23',
  d: 'e9f8a7b6-c5d4-4e3f-a2b1-0c9d8e7f6a54',
} as const;

/** A credential that hands out a fixed token: the SDK pipelines still run their bearer policies. */
export const fakeCredential: TokenCredential = {
  getToken: async () => ({ token: 'fake-arm-token', expiresOnTimestamp: Date.now() + 3_600_000 }),
};

/** A fake clock whose sleep advances it (no real waiting) and records each wait. */
export function fakeClock(start = Date.parse('2026-11-24T06:00:00Z')) {
  const c = {
    t: start,
    sleeps: [] as number[],
    now: () => c.t,
    sleep: async (ms: number) => {
      c.sleeps.push(ms);
      c.t += ms;
    },
  };
  return c;
}

/** Starts a fake Azure on port 0 and builds an adapter wired to it; `stop()` after. */
export async function setup(
  fake: Omit<AzureFakeOptions, 'now'>,
  opts: {
    subscriptions?: string[];
    batchSize?: number;
    reread?: number;
    only?: string;
    timeoutMs?: number;
    attempts?: number;
    concurrency?: number;
  } = {},
) {
  const clock = fakeClock();
  const server = new AzureApiServer({ ...fake, now: clock.now });
  await server.start();
  const ops: AzureOp[] = [];
  const inventory = new AzureResourceGraphInventory({
    target: 'prod',
    scopes: {
      subscriptions: opts.subscriptions ?? [SUB.a],
      rereadChangedWithinMinutes: opts.reread ?? 0,
      concurrency: opts.concurrency ?? 1,
    },
    credential: fakeCredential,
    httpClient: server.httpClients(),
    ...(opts.only ? { only: opts.only } : {}),
    ...(opts.batchSize ? { batchSize: opts.batchSize } : {}),
    timeoutMs: opts.timeoutMs ?? 5_000,
    attempts: opts.attempts ?? 4,
    sleep: clock.sleep,
    now: clock.now,
    random: () => 1,
    onCall: (op) => ops.push(op),
  });
  return { server, inventory, clock, ops, stop: () => server.stop() };
}
