import http from 'node:http';
import https from 'node:https';
import type { KubeConfig } from '@kubernetes/client-node';
import { z } from 'zod';
import { retryAfterMs } from '../../shared/retry/index.ts';
import { KubernetesApiError } from './errors.ts';

/** metav1.Status, the body of every API error response. */
const StatusSchema = z.object({
  kind: z.literal('Status'),
  message: z.string().optional(),
  reason: z.string().optional(),
  code: z.number().optional(),
});

/** Raw GET of an API path on the context's cluster; resolves the parsed JSON body of a 2xx. */
export type ApiGet = (path: string) => Promise<unknown>;

/**
 * A GET bound to one KubeConfig (its current context). Credentials (token, client cert, exec
 * plugin) are applied by @kubernetes/client-node on every call, so refreshed tokens are used.
 */
export function apiGet(kc: KubeConfig, timeoutMs: number): ApiGet {
  const server = kc.getCurrentCluster()?.server;
  if (!server) throw new KubernetesApiError(0, 'NoServer', 'context has no cluster server', '/');
  const base = server.replace(/\/+$/, '');
  return async (path) => {
    const opts: https.RequestOptions = { method: 'GET', headers: {}, timeout: timeoutMs };
    try {
      await kc.applyToHTTPSOptions(opts);
    } catch (e) {
      throw new KubernetesApiError(0, 'CredentialsFailed', firstLine(e), path);
    }
    opts.headers = { ...opts.headers, Accept: 'application/json' };
    return request(new URL(base + path), opts, path, timeoutMs);
  };
}

function request(url: URL, opts: https.RequestOptions, path: string, timeoutMs: number): Promise<unknown> {
  const send = url.protocol === 'http:' ? http.request : https.request;
  return new Promise((resolve, reject) => {
    const req = send(url, opts, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => chunks.push(c));
      res.on('error', (e) => reject(new KubernetesApiError(0, 'ConnectionReset', firstLine(e), path)));
      res.on('end', () => {
        const text = Buffer.concat(chunks).toString('utf8');
        const status = res.statusCode ?? 0;
        if (status >= 200 && status < 300) {
          try {
            resolve(JSON.parse(text));
          } catch {
            reject(new KubernetesApiError(status, 'InvalidJSON', 'response is not JSON', path));
          }
          return;
        }
        reject(statusError(status, text, path, res.headers['retry-after']));
      });
    });
    // Both an idle socket and a slow whole response count as a timeout (retried like a 504).
    const timer = setTimeout(() => req.destroy(timeoutError(timeoutMs, path)), timeoutMs);
    req.on('timeout', () => req.destroy(timeoutError(timeoutMs, path)));
    req.on('close', () => clearTimeout(timer));
    req.on('error', (e) =>
      reject(
        e instanceof KubernetesApiError ? e : new KubernetesApiError(0, networkReason(e), firstLine(e), path),
      ),
    );
    req.end();
  });
}

function statusError(
  status: number,
  text: string,
  path: string,
  retryAfter?: string | string[],
): KubernetesApiError {
  let parsed: z.infer<typeof StatusSchema> | undefined;
  try {
    const r = StatusSchema.safeParse(JSON.parse(text));
    if (r.success) parsed = r.data;
  } catch {
    // Proxies and load balancers answer with HTML or plain text: the status line is enough.
  }
  const header = Array.isArray(retryAfter) ? retryAfter[0] : retryAfter;
  return new KubernetesApiError(
    status,
    parsed?.reason ?? http.STATUS_CODES[status] ?? 'Error',
    (parsed?.message ?? text.slice(0, 200)).split('\n')[0] ?? '',
    path,
    retryAfterMs(header),
  );
}

function timeoutError(ms: number, path: string): KubernetesApiError {
  return new KubernetesApiError(0, 'Timeout', `no response within ${ms} ms`, path);
}

function networkReason(e: unknown): string {
  const code = (e as NodeJS.ErrnoException).code;
  if (code === 'ECONNREFUSED' || code === 'EHOSTUNREACH' || code === 'ENOTFOUND')
    return `Unreachable (${code})`;
  return code ?? 'NetworkError';
}

function firstLine(e: unknown): string {
  return (e instanceof Error ? e.message : String(e)).split('\n')[0] ?? '';
}
