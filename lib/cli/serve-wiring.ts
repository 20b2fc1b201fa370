import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import { openLocalStore } from '../adapters/store/dynamodb/embedded.ts';
import { HttpError } from '../api/http-error.ts';
import type { ScanRecord } from '../core/model/drift-record.ts';
import type { DriftStore } from '../core/ports/drift-store.ts';
import type { ServeDeps } from './commands/serve.ts';
import { loadOrCreateHashKey } from './hash-key.ts';
import type { CliIo } from './io.ts';
import { exampleTargets, localScanRunner } from './local-scan-runner.ts';

/**
 * Local `serve`: the embedded store, and POST /scans running a scan right here. The scannable
 * targets are the bundled examples (as fixed by the demo) when the examples folder is present.
 */
export function localServeDeps(io: CliIo): ServeDeps {
  let opened: { store: DriftStore; dir: string } | undefined;
  return {
    async openStore({ dir }) {
      const handle = await openLocalStore({ dir });
      opened = { store: handle.store, dir };
      return handle;
    },
    async triggerScan({ target }): Promise<ScanRecord> {
      if (!opened) throw new HttpError(503, 'not_configured', { message: 'the store is not open' });
      const examples = resolve(io.cwd, 'examples');
      const targets = existsSync(examples) ? exampleTargets(examples, 'fixed') : {};
      const name = target ?? 'example-aws';
      if (!(name in targets)) {
        throw new HttpError(404, 'not_found', {
          message: `no local scan target "${name}"; known: ${Object.keys(targets).join(', ') || 'none'}`,
        });
      }
      const run = localScanRunner({
        store: opened.store,
        hashKey: loadOrCreateHashKey(opened.dir, io.env),
        cwd: io.cwd,
        targets,
        defaultTarget: name,
      });
      return (await run({ target: name })).scan;
    },
  };
}
