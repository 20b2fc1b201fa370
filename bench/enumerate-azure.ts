import { ResourceManagementClient } from '@azure/arm-resources';
import type { TokenCredential } from '@azure/identity';
import { AzureResourceGraphInventory } from '../lib/adapters/inventory/azure-resource-graph/index.ts';
import { mapLimited } from '../lib/adapters/shared/retry/index.ts';
import { AzureApiServer, azureRows, type Row } from '../test/fakes/azure-api-server.ts';

const SUBSCRIPTIONS = [
  '3f1c2b6e-8d4a-4e7b-9c21-0a5d6e7f8a91',
  '7b2e4c1d-5f6a-4b8c-8d9e-1f2a3b4c5d62',
  'c4d5e6f7-1a2b-4c3d-9e8f-7a6b5c4d3e23',
  'e9f8a7b6-c5d4-4e3f-a2b1-0c9d8e7f6a54',
  '0d1e2f3a-4b5c-4d6e-8f7a-9b0c1d2e3f45',
];
const credential: TokenCredential = {
  getToken: async () => ({ token: 'bench-token', expiresOnTimestamp: Date.now() + 3_600_000 }),
};
// Per-resource GETs are sampled (an n-call run would dominate the bench) and extrapolated.
const GET_SAMPLE = 2000;

/** `n` realistic rows (VMs, storage accounts, NSGs, VNets with 2 subnets) over 5 subscriptions. */
function rows(n: number): Row[] {
  const out: Row[] = SUBSCRIPTIONS.map((s) => azureRows.subscription(s));
  for (let i = 0; i < n; i++) {
    const sub = SUBSCRIPTIONS[i % SUBSCRIPTIONS.length]!;
    const rg = `rg-team-${i % 40}`;
    const name = `res${String(i).padStart(6, '0')}`;
    const kind = i % 4;
    if (kind === 0) out.push(azureRows.virtualMachine(sub, rg, `vm-${name}`));
    else if (kind === 1) out.push(azureRows.storageAccount(sub, rg, `st${name}`, { env: 'prod' }));
    else if (kind === 2) out.push(azureRows.networkSecurityGroup(sub, rg, `nsg-${name}`));
    else out.push(azureRows.virtualNetwork(sub, rg, `vnet-${name}`, ['snet-a', 'snet-b']));
  }
  return out;
}

/**
 * Enumerates `n` resources from the local fake through the adapter (Resource Graph pages of 1000,
 * all SDK pipelines on) against the one-call-per-resource way (list ids, then ARM getById each).
 */
export async function benchEnumerateAzure(n: number): Promise<Record<string, string | number>> {
  const data = rows(n);
  const fake = new AzureApiServer({ rows: data, arm: data });
  await fake.start();
  try {
    const clients = fake.httpClients();
    let calls = 0;
    const inventory = new AzureResourceGraphInventory({
      target: 'bench',
      scopes: { subscriptions: SUBSCRIPTIONS, rereadChangedWithinMinutes: 0, concurrency: 2 },
      credential,
      httpClient: clients,
      onCall: () => calls++,
    });
    const started = performance.now();
    const snap = await inventory.read();
    const ms = performance.now() - started;
    // The per-resource way: the same id listing, then one ARM GET per resource (sampled).
    const arm = new ResourceManagementClient(credential, SUBSCRIPTIONS[0]!, {
      httpClient: clients.arm,
      retryOptions: { maxRetries: 0 },
    });
    const sample = data.slice(SUBSCRIPTIONS.length, SUBSCRIPTIONS.length + Math.min(n, GET_SAMPLE));
    const t0 = performance.now();
    await mapLimited(sample, 8, (r) => arm.resources.getById(String(r.id), '2024-01-01'));
    const perGetMs = (performance.now() - t0) / sample.length;
    const listCalls = Math.ceil((n + SUBSCRIPTIONS.length) / 1000);
    const perResourceCalls = listCalls + n;
    return {
      'resources (rows + lifted subnets)': snap.resources.length,
      subscriptions: SUBSCRIPTIONS.length,
      'complete scopes': snap.coverage.filter((c) => c.complete).length,
      'wall ms': Math.round(ms),
      'resources/s': Math.round(snap.resources.length / (ms / 1000)),
      'API calls issued': calls,
      'calls per resource': (calls / n).toFixed(4),
      'list + getById each: calls': perResourceCalls,
      'list + getById each: est. wall ms (8 parallel)': Math.round(perResourceCalls * perGetMs),
      'fewer calls than per-resource GETs': `${Math.round(perResourceCalls / calls)}x`,
    };
  } finally {
    await fake.stop();
  }
}

// `tsx bench/enumerate-azure.ts [n]` runs it alone (bench/run.ts is shared, not edited here).
if (process.argv[1] && import.meta.filename === process.argv[1]) {
  const n = Number(process.argv[2] ?? 50_000);
  console.log(await benchEnumerateAzure(n));
}
