import { GcpCloudAssetInventory } from '../lib/adapters/inventory/gcp-cloud-asset/index.ts';
import { GcpScopesSchema } from '../lib/core/config/scopes.ts';
import {
  bucketAsset,
  fakeGcpAuth,
  firewallAsset,
  instanceAsset,
  type ProjectRef,
  projectAsset,
  type RestAsset,
  startGcpApiServer,
} from '../test/fakes/gcp-api-server.ts';

const PROJECTS = 10;
const RTT_MS = 50;

function projectAssets(p: ProjectRef, n: number): RestAsset[] {
  const out: RestAsset[] = [projectAsset(p)];
  for (let i = 1; i < n; i++) {
    const kind = i % 3;
    if (kind === 0) out.push(bucketAsset(p, `${p.id}-bucket-${i}`));
    else if (kind === 1)
      out.push(instanceAsset(p, `vm-${i}`, 'europe-west1-b', String(4567890123456789012n + BigInt(i))));
    else out.push(firewallAsset(p, `fw-${i}`));
  }
  return out;
}

/**
 * Enumerates `n` Cloud Asset resources over 10 projects from the local fake, through the real
 * adapter (gax REST transport, paging at 1000, concurrency 4): throughput, and API calls against
 * the one-GET-per-resource way a per-type enumerator (driftctl style) would read the same estate.
 */
export async function benchEnumerateGcp(n: number): Promise<Record<string, string | number>> {
  const fake = await startGcpApiServer();
  try {
    const ids: string[] = [];
    for (let p = 0; p < PROJECTS; p++) {
      const ref: ProjectRef = {
        id: `acme-bench-${p}`,
        number: String(900000000000 + p),
        organization: '998877665544',
      };
      ids.push(ref.id);
      fake.setAssets(`projects/${ref.id}`, projectAssets(ref, Math.ceil(n / PROJECTS)));
    }
    let calls = 0;
    const inv = new GcpCloudAssetInventory({
      target: 'bench',
      scopes: GcpScopesSchema.parse({ projects: ids, concurrency: 4 }),
      auth: fakeGcpAuth,
      apiEndpoint: '127.0.0.1',
      port: fake.port,
      protocol: 'http',
      onCall: () => void calls++,
    });
    const cpu0 = process.cpuUsage();
    const t0 = performance.now();
    const snap = await inv.read();
    const ms = performance.now() - t0;
    const cpu = process.cpuUsage(cpu0);
    await inv.close();
    const resources = snap.resources.length;
    const incomplete = snap.coverage.filter((c) => !c.complete).length;
    // At a typical 50 ms round trip and 4 requests in flight, calls alone cost calls × RTT / 4.
    return {
      resources,
      projects: PROJECTS,
      'incomplete scopes': incomplete,
      'wall ms (local fake)': Math.round(ms),
      // The fake runs in this process: its JSON.stringify of every page is in both numbers.
      'CPU ms (adapter + fake)': Math.round((cpu.user + cpu.system) / 1000),
      'resources/s': Math.round(resources / (ms / 1000)),
      'API calls (listAssets pages)': calls,
      'calls per resource': (calls / resources).toFixed(4),
      'per-resource GET: calls': resources,
      'calls saved ×': Math.round(resources / calls),
      [`network s at ${RTT_MS} ms RTT, 4 in flight`]: ((calls * RTT_MS) / 4 / 1000).toFixed(1),
      [`per-resource GET s at ${RTT_MS} ms RTT`]: ((resources * RTT_MS) / 4 / 1000).toFixed(1),
    };
  } finally {
    await fake.stop();
  }
}

// `npx tsx bench/enumerate-gcp.ts [n]` runs it alone (bench/run.ts is not wired to it).
if (import.meta.url === `file://${process.argv[1]}`) {
  const rows = await benchEnumerateGcp(Number(process.argv[2] ?? 50_000));
  for (const [k, v] of Object.entries(rows)) console.log(`  ${k.padEnd(40)} ${v}`);
}
