import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { openLocalStore } from '../../lib/adapters/store/dynamodb/embedded.ts';
import { type RunningServer, startServer } from '../../lib/cli/commands/serve.ts';
import { exampleTargets, localScanRunner } from '../../lib/cli/local-scan-runner.ts';

const ROOT = resolve(import.meta.dirname, '../..');

export interface DemoServer {
  server: RunningServer;
  close(): Promise<void>;
}

/**
 * The real local server over an embedded store filled the way the demo does: every example scanned
 * as drifted, then GCP scanned as fixed, so active and resolved drift both exist.
 */
export async function startDemoServer(): Promise<DemoServer> {
  const dir = mkdtempSync(join(tmpdir(), 'dw-dashboard-'));
  const { store, close } = await openLocalStore({ dir, env: {} });
  const run = (phase: 'drifted' | 'fixed') =>
    localScanRunner({
      store,
      hashKey: 'dashboard-test-key',
      cwd: ROOT,
      targets: exampleTargets(join(ROOT, 'examples'), phase),
      defaultTarget: 'example-aws',
    });
  for (const target of ['example-aws', 'example-azure', 'example-gcp', 'example-kubernetes'])
    await run('drifted')({ target });
  await run('fixed')({ target: 'example-gcp' });
  const server = await startServer({
    store,
    port: 0,
    triggerScan: () => Promise.reject(new Error('not in this test')),
  });
  return {
    server,
    close: async () => {
      await server.close();
      await close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}
