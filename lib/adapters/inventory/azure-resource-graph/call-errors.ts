import { isRetryableStatus, retryAfterMs } from '../../shared/retry/index.ts';
import { type HeaderGetter, parseResetsAfter } from './quota-gate.ts';

/** A call that did not answer within the configured time. */
export class CallTimeoutError extends Error {
  constructor(
    readonly op: string,
    readonly ms: number,
  ) {
    super(`${op} timed out after ${ms} ms`);
    this.name = 'CallTimeoutError';
  }
}

/** What both SDK generations' RestError carry (ms-rest-js and core-rest-pipeline). */
interface RestErrorLike {
  statusCode?: number;
  code?: string;
  message?: string;
  response?: { headers?: { get: HeaderGetter }; parsedBody?: unknown; bodyAsText?: string | null };
}

const asRest = (err: unknown): RestErrorLike =>
  (typeof err === 'object' && err !== null ? err : {}) as RestErrorLike;

/** HTTP status of a failed call, undefined for network errors and timeouts. */
export function statusOf(err: unknown): number | undefined {
  return asRest(err).statusCode;
}

/** Headers of a failed call's response, when there was one. */
export function errorHeaders(err: unknown): HeaderGetter | undefined {
  const h = asRest(err).response?.headers;
  return h ? (name) => h.get(name) : undefined;
}

/** ARM error code (`AuthorizationFailed`, `RateLimiting`, `ResourceNotFound`) from the error or its body. */
export function armCode(err: unknown): string | undefined {
  const e = asRest(err);
  const body = e.response?.parsedBody ?? parseJson(e.response?.bodyAsText);
  const fromBody = (body as { error?: { code?: unknown } } | undefined)?.error?.code;
  if (typeof fromBody === 'string') return fromBody;
  return e.code && !/^REQUEST_|^ERR_/.test(e.code) ? e.code : undefined;
}

function parseJson(text: string | null | undefined): unknown {
  try {
    return text ? JSON.parse(text) : undefined;
  } catch {
    return undefined;
  }
}

/** Retry throttling, timeouts, network errors and 5xx; the server's wait (Retry-After or quota reset) is a floor. */
export function classifyAzureError(err: unknown): { retry: boolean; afterMs?: number } {
  if (err instanceof CallTimeoutError) return { retry: true };
  // No token (no login, wrong tenant) does not heal by asking again.
  if (
    err instanceof Error &&
    /^(CredentialUnavailableError|AuthenticationError|AggregateAuthenticationError)$/.test(err.name)
  )
    return { retry: false };
  const status = statusOf(err);
  if (status === undefined) return { retry: true };
  if (!isRetryableStatus(status)) return { retry: false };
  const get = errorHeaders(err);
  const afterMs =
    retryAfterMs(get?.('retry-after')) ?? parseResetsAfter(get?.('x-ms-user-quota-resets-after'));
  return afterMs === undefined ? { retry: true } : { retry: true, afterMs };
}

/** One line for coverage reasons: `403 AuthorizationFailed: <message>` (message cut short, never a stack). */
export function describeAzureError(err: unknown): string {
  if (err instanceof CallTimeoutError) return err.message;
  const status = statusOf(err);
  const code = armCode(err);
  const msg = (asRest(err).message ?? String(err)).split('\n')[0]!.slice(0, 200);
  const head = [status, code].filter((x) => x !== undefined).join(' ');
  return head ? `${head}: ${msg}` : msg;
}
