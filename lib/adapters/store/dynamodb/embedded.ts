import { mkdirSync } from 'node:fs';
import type { Server } from 'node:http';
import { createRequire } from 'node:module';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { createDynamoDbClient, endpointFromEnv } from './client.ts';
import { DynamoDbDriftStore } from './store.ts';

type DynaliteFactory = (opts: {
  path?: string;
  createTableMs?: number;
  deleteTableMs?: number;
  updateTableMs?: number;
}) => Server;
// dynalite is CommonJS without types; this is the one place it is loaded.
const dynalite = createRequire(import.meta.url)('dynalite') as DynaliteFactory;

export const DEFAULT_TABLE = 'driftwatch';

export interface EmbeddedDynamo {
  endpoint: string;
  close(): Promise<void>;
}

/** Starts dynalite in this process, persisted under `<dir>/dynamodb` (in memory when dir is null), on 127.0.0.1. */
export async function startEmbeddedDynamo(
  opts: { dir?: string | null; port?: number } = {},
): Promise<EmbeddedDynamo> {
  process.env.AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED ??= 'true';
  const dir = opts.dir === undefined ? '.driftwatch' : opts.dir;
  let path: string | undefined;
  if (dir !== null) {
    path = join(dir, 'dynamodb');
    mkdirSync(path, { recursive: true });
  }
  const server = dynalite({ path, createTableMs: 0, deleteTableMs: 0, updateTableMs: 0 });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(opts.port ?? 0, '127.0.0.1', () => resolve());
  });
  const { port } = server.address() as AddressInfo;
  return {
    endpoint: `http://127.0.0.1:${port}`,
    close: () => new Promise<void>((resolve, reject) => server.close((e) => (e ? reject(e) : resolve()))),
  };
}

/**
 * The store the CLI uses: the endpoint from AWS_ENDPOINT_URL_DYNAMODB / AWS_ENDPOINT_URL when set,
 * else an embedded dynalite under `<dir>/dynamodb`; the table is created when missing.
 */
export async function openLocalStore(opts: {
  dir?: string;
  tableName?: string;
  env?: NodeJS.ProcessEnv;
}): Promise<{ store: DynamoDbDriftStore; close(): Promise<void> }> {
  const env = opts.env ?? process.env;
  const external = endpointFromEnv(env);
  const embedded = external ? undefined : await startEmbeddedDynamo({ dir: opts.dir ?? '.driftwatch' });
  const client = createDynamoDbClient(env, external ?? embedded?.endpoint);
  const store = new DynamoDbDriftStore({
    tableName: opts.tableName ?? env.DRIFTWATCH_TABLE ?? DEFAULT_TABLE,
    client,
  });
  const close = async (): Promise<void> => {
    client.destroy();
    await embedded?.close();
  };
  try {
    await store.ensureReady();
  } catch (e) {
    await close();
    throw e;
  }
  return { store, close };
}
