import { v1 } from '@google-cloud/asset';
import { Storage } from '@google-cloud/storage';
import { GcpTimeoutError } from './errors.ts';
import type { GcpAuthLike, GcpCloudAssetOptions } from './options.ts';
import type { RawPages } from './raw-pages.ts';

export type AssetClient = InstanceType<typeof v1.AssetServiceClient>;

/**
 * Puts a per-request deadline on every request the client sends. The REST transport ignores gax's
 * `timeout` call option when its retries are off, so the deadline is enforced at fetch level, where
 * an abort really closes the request instead of leaving it hanging behind a lost race.
 */
export function withRequestTimeout(auth: GcpAuthLike, timeoutMs: number, pages?: RawPages): GcpAuthLike {
  const wrapped: GcpAuthLike = {
    async fetch(url, init) {
      const timer = AbortSignal.timeout(timeoutMs);
      const outer = init.signal as AbortSignal | undefined;
      const signal = outer ? AbortSignal.any([outer, timer]) : timer;
      try {
        const res = await auth.fetch(url, { ...init, signal });
        return pages ? await pages.capture(url, res) : res;
      } catch (err) {
        if (timer.aborted) throw new GcpTimeoutError(timeoutMs);
        throw err;
      }
    },
  };
  // gax asks a GoogleAuth for its client (credentials, universe); a bare client signs by itself.
  if (auth.getClient) wrapped.getClient = () => auth.getClient!();
  else wrapped.getRequestHeaders = (...args) => auth.getRequestHeaders!(...args);
  return wrapped;
}

/**
 * The Cloud Asset client on gax's REST transport (`fallback: true`: HTTP/1.1 + JSON, which a local
 * fake can answer). `apiEndpoint` + `port` + `protocol` point it anywhere (`http`, 127.0.0.1:<port>).
 */
export function createAssetClient(
  opts: GcpCloudAssetOptions,
  timeoutMs: number,
  pages?: RawPages,
): AssetClient {
  const endpoint = {
    fallback: true,
    ...(opts.apiEndpoint ? { apiEndpoint: opts.apiEndpoint } : {}),
    ...(opts.port ? { port: opts.port } : {}),
    ...(opts.protocol ? { protocol: opts.protocol } : {}),
  };
  // Without injected credentials, borrow the GoogleAuth a default client builds (ADC with the
  // cloud-platform scope) rather than importing google-auth-library ourselves.
  const base = opts.auth ?? (new v1.AssetServiceClient(endpoint).auth as unknown as GcpAuthLike);
  return new v1.AssetServiceClient({
    ...endpoint,
    auth: withRequestTimeout(base, timeoutMs, pages),
  } as ConstructorParameters<typeof v1.AssetServiceClient>[0]);
}

/**
 * The Cloud Storage client used to read export files. It honours STORAGE_EMULATOR_HOST (then sends
 * no credentials); its own retries are off so ours (which restart the whole read) stay in charge.
 */
export function createStorage(): Storage {
  return new Storage({ retryOptions: { autoRetry: false, maxRetries: 0 } });
}
