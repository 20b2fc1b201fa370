import type { Readable } from 'node:stream';
import type { Storage } from '@google-cloud/storage';
import type { Call, Tuning } from './caller.ts';
import type { AssetClient } from './clients.ts';
import { describeError, GcpExportError, GcpTimeoutError } from './errors.ts';
import type { Listing } from './list-assets.ts';
import { ndjsonLines } from './ndjson-lines.ts';
import { parseGsUri } from './options.ts';

type GetOperationRequest = Parameters<AssetClient['operationsClient']['getOperation']>[0];

export interface ExportDeps {
  client: AssetClient;
  storage: Storage;
  call: Call;
  tuning: Tuning;
  /** Clock for the object name (injectable so tests know it). */
  now: () => Date;
}

/** `gs://bucket/prefix/<timestamp>-<parent>.ndjson`: the parent keeps concurrent exports apart. */
export function exportUri(exportTo: string, parent: string, at: Date, attempt: number): string {
  const { bucket, prefix } = parseGsUri(exportTo);
  const stamp = at.toISOString().replace(/[-:]/g, '').replace('.', '-');
  // A retried request gets its own object: the first may have started and will not overwrite.
  const name = `${stamp}-${parent.replace('/', '-')}${attempt > 0 ? `-r${attempt}` : ''}.ndjson`;
  return `gs://${bucket}/${prefix ? `${prefix}/` : ''}${name}`;
}

/**
 * Exports one parent to GCS (exportAssets, a long-running operation), polls operations.get with
 * doubling waits until done or `exportTimeoutMs`, then streams the NDJSON object line by line.
 */
export async function exportParent(
  deps: ExportDeps,
  parent: string,
  exportTo: string,
  assetTypes: readonly string[],
): Promise<Listing> {
  const { client, call } = deps;
  try {
    const at = deps.now();
    let uri = '';
    const [op] = await call('exportAssets', parent, (attempt) => {
      uri = exportUri(exportTo, parent, at, attempt);
      const request = {
        parent,
        contentType: 'RESOURCE' as const,
        assetTypes: [...assetTypes],
        outputConfig: { gcsDestination: { uri } },
      };
      return client.exportAssets(request, { retry: null });
    });
    await waitForOperation(deps, parent, op.name ?? '', uri);
    return { assets: await readExport(deps, parent, uri) };
  } catch (error) {
    return { assets: [], error };
  }
}

async function waitForOperation(deps: ExportDeps, parent: string, name: string, uri: string): Promise<void> {
  const { client, call, tuning } = deps;
  let waited = 0;
  for (let wait = tuning.pollMs; ; wait = Math.min(wait * 2, 30_000)) {
    const [op] = await call('operations.get', parent, () =>
      // The operations client types ask for the protobuf class; a plain object is what it encodes.
      client.operationsClient.getOperation({ name } as GetOperationRequest, { retry: null }),
    );
    if (op.done) {
      if (op.error) throw new GcpExportError(`export to ${uri} failed: ${describeError(op.error)}`);
      return;
    }
    if (waited >= tuning.exportTimeoutMs)
      throw new GcpExportError(`export to ${uri} not done after ${Math.round(waited / 1000)} s`);
    await tuning.sleep(wait);
    waited += wait;
  }
}

/** Fails a download that stalls: no bytes for `ms` (a whole-request deadline would cut big exports). */
async function* idleLimited(stream: Readable, ms: number): AsyncGenerator<Buffer> {
  const timer = setTimeout(() => stream.destroy(new GcpTimeoutError(ms)), ms);
  try {
    for await (const chunk of stream) {
      timer.refresh();
      yield chunk as Buffer;
    }
  } finally {
    clearTimeout(timer);
  }
}

/** Streams the export object; a failed read restarts from the top (the object is immutable). */
async function readExport(deps: ExportDeps, parent: string, uri: string): Promise<Record<string, unknown>[]> {
  const { bucket, prefix: object } = parseGsUri(uri);
  return deps.call('storage.read', parent, async () => {
    const assets: Record<string, unknown>[] = [];
    let n = 0;
    const stream = deps.storage.bucket(bucket).file(object).createReadStream();
    for await (const line of ndjsonLines(idleLimited(stream, deps.tuning.timeoutMs))) {
      n++;
      try {
        assets.push(JSON.parse(line) as Record<string, unknown>);
      } catch {
        throw new GcpExportError(`${uri} line ${n} is not JSON`);
      }
    }
    return assets;
  });
}
