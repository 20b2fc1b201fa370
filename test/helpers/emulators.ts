import { mkdtempSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

process.env.AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED = 'true';

// s3rver and azurite ship no type declarations (and azurite's package "main" is its VS Code
// extension), so both are loaded through require and typed here by the little we use.
const require = createRequire(import.meta.url);

interface S3rverInstance {
  run(): Promise<{ port: number }>;
  close(): Promise<void>;
}
type S3rverCtor = new (options: Record<string, unknown>) => S3rverInstance;

interface AzuriteBlobServer {
  start(): Promise<void>;
  close(): Promise<void>;
  clean(): Promise<void>;
  getHttpServerAddress(): string;
}
type BlobServerCtor = new (config: unknown) => AzuriteBlobServer;
type BlobConfigurationCtor = new (...args: unknown[]) => unknown;

/** s3rver's built-in account (it checks SigV4 signatures against it). */
export const S3RVER_CREDENTIALS = { accessKeyId: 'S3RVER', secretAccessKey: 'S3RVER' } as const;

/** Azurite's well-known development account (public, documented by Microsoft). */
export const AZURITE_ACCOUNT = 'devstoreaccount1';
export const AZURITE_KEY =
  'Eby8vdM02xNOcqFlqUwJPLlmEtlCDXJ1OUzFT50uSRZ6IFsuFq2UVErCz4I6tq/K1SZFPTOtr/KBHBeksoGMGw==';

export interface RunningS3 {
  /** http://127.0.0.1:<port> */
  endpoint: string;
  close(): Promise<void>;
}

/** Starts s3rver in this process on 127.0.0.1:0 with a temp directory; `close` removes it. */
export async function startS3rver(buckets: string[] = []): Promise<RunningS3> {
  const S3rver = require('s3rver') as S3rverCtor;
  const directory = mkdtempSync(join(tmpdir(), 'dw-s3rver-'));
  const server = new S3rver({
    address: '127.0.0.1',
    port: 0,
    silent: true,
    directory,
    configureBuckets: buckets.map((name) => ({ name })),
  });
  const { port } = await server.run();
  return {
    endpoint: `http://127.0.0.1:${port}`,
    close: async () => {
      await server.close();
      rmSync(directory, { recursive: true, force: true });
    },
  };
}

export interface RunningAzurite {
  /** http://127.0.0.1:<port>/devstoreaccount1 */
  blobEndpoint: string;
  /** Connection string for @azure/storage-blob (and AZURE_STORAGE_CONNECTION_STRING). */
  connectionString: string;
  close(): Promise<void>;
}

/**
 * Starts Azurite's blob service in this process on 127.0.0.1:0, in memory (no files), by building
 * its BlobServer from the dist modules the `azurite-blob` bin uses — minus the bin's signal handlers
 * and telemetry.
 */
export async function startAzurite(): Promise<RunningAzurite> {
  const BlobServer = (require('azurite/dist/src/blob/BlobServer.js') as { default: BlobServerCtor }).default;
  const BlobConfiguration = (
    require('azurite/dist/src/blob/BlobConfiguration.js') as { default: BlobConfigurationCtor }
  ).default;
  const dir = mkdtempSync(join(tmpdir(), 'dw-azurite-'));
  const config = new BlobConfiguration(
    '127.0.0.1', // host
    0, // port: any free one
    0, // keepAliveTimeout: none, so close() does not wait on idle sockets
    join(dir, '__azurite_db_blob__.json'),
    join(dir, '__azurite_db_blob_extent__.json'),
    [{ locationId: 'Default', locationPath: join(dir, 'blob'), maxConcurrency: 10 }],
    false, // access log
    undefined,
    false, // debug log
    undefined,
    false, // loose
    true, // skipApiVersionCheck: the SDK may be newer than this Azurite
    '', // cert
    '', // key
    '', // pwd
    undefined, // oauth
    false, // disableProductStyleUrl
    true, // in-memory persistence
  );
  const server = new BlobServer(config);
  await server.start();
  const blobEndpoint = `${server.getHttpServerAddress()}/${AZURITE_ACCOUNT}`;
  return {
    blobEndpoint,
    connectionString: `DefaultEndpointsProtocol=http;AccountName=${AZURITE_ACCOUNT};AccountKey=${AZURITE_KEY};BlobEndpoint=${blobEndpoint};`,
    close: async () => {
      await server.close();
      await server.clean();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}
