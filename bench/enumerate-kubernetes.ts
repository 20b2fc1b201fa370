import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { KubeConfig } from '@kubernetes/client-node';
import { KubernetesInventory } from '../lib/adapters/inventory/kubernetes/index.ts';
import { FakeKubernetesApiServer, fakeKubeconfig } from '../test/fakes/kubernetes-api-server.ts';

const FIXTURES = join(import.meta.dirname, '../test/fixtures/mappings/kubernetes');
const template = (name: string) => readFileSync(join(FIXTURES, name), 'utf8');

/** `n` realistic objects (Deployments with managedFields and status, Services, ConfigMaps, Secrets) over 50 namespaces. */
function objects(n: number): object[] {
  const kinds = [
    'live-deployment-api.json',
    'live-service-api.json',
    'live-configmap-api.json',
    'live-secret-api-db.json',
  ];
  const texts = kinds.map(template);
  return Array.from({ length: n }, (_, i) => {
    const o = JSON.parse(texts[i % texts.length]!) as { metadata: Record<string, unknown> };
    o.metadata.name = `app-${String(i).padStart(6, '0')}`;
    o.metadata.namespace = `team-${i % 50}`;
    delete o.metadata.uid;
    return o;
  });
}

/**
 * Enumerates `n` objects from the local fake API server the way a scan does (discovery, then
 * chunked lists of 500): wall time, throughput, and API calls against one GET per object.
 */
export async function benchEnumerateKubernetes(n: number): Promise<Record<string, string | number>> {
  const fake = await FakeKubernetesApiServer.start({ objects: objects(n) });
  try {
    const kc = new KubeConfig();
    kc.loadFromString(fakeKubeconfig([{ context: 'bench', server: fake.url }]));
    const inventory = new KubernetesInventory({
      target: 'bench',
      scopes: { contexts: ['bench'] },
      kubeConfig: kc,
    });
    const started = performance.now();
    const snap = await inventory.read();
    const ms = performance.now() - started;
    const calls = inventory.report[0]!.calls;
    const listCalls = fake.requests.filter((r) => r.path.includes('?')).length;
    return {
      resources: snap.resources.length,
      'kinds evidenced': snap.coverage[0]!.nativeTypes.length,
      'wall ms': Math.round(ms),
      'resources/s': Math.round(snap.resources.length / (ms / 1000)),
      'API calls': calls,
      'discovery calls': calls - listCalls,
      'list calls (pages of 500)': listCalls,
      'calls per resource': (calls / snap.resources.length).toFixed(4),
      'one GET per object would be': n,
      'fewer calls than per-object GETs': `${Math.round(n / calls)}x`,
    };
  } finally {
    await fake.close();
  }
}

// `tsx bench/enumerate-kubernetes.ts [n]` runs it alone (bench/run.ts is shared, not edited here).
if (process.argv[1] && import.meta.filename === process.argv[1]) {
  const n = Number(process.argv[2] ?? 50_000);
  console.log(await benchEnumerateKubernetes(n));
}
