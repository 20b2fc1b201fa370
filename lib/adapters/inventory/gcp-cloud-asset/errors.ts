import { DriftwatchError } from '../../../core/model/errors.ts';

/** One request got no answer within the per-request timeout. */
export class GcpTimeoutError extends DriftwatchError {
  constructor(ms: number) {
    super(`no answer within ${ms} ms (DEADLINE_EXCEEDED)`);
  }
}

/** An export operation finished with an error, or did not finish in time. */
export class GcpExportError extends DriftwatchError {}

// google.rpc.Code numbers (what GoogleError.code carries after the REST transport maps the status).
const CODE_NAMES: Record<number, string> = {
  1: 'CANCELLED',
  2: 'UNKNOWN',
  3: 'INVALID_ARGUMENT',
  4: 'DEADLINE_EXCEEDED',
  5: 'NOT_FOUND',
  6: 'ALREADY_EXISTS',
  7: 'PERMISSION_DENIED',
  8: 'RESOURCE_EXHAUSTED',
  9: 'FAILED_PRECONDITION',
  10: 'ABORTED',
  13: 'INTERNAL',
  14: 'UNAVAILABLE',
  16: 'UNAUTHENTICATED',
};
// Throttling, transient server trouble and deadlines; never permission, argument or not-found errors.
const RETRYABLE_CODES = new Set([2, 4, 8, 10, 13, 14]);
const RETRYABLE_HTTP = (s: number) => s === 408 || s === 429 || (s >= 500 && s !== 501);

function fields(err: unknown): { code?: unknown; name?: unknown; message?: unknown } {
  return typeof err === 'object' && err !== null ? (err as Record<string, unknown>) : {};
}

/** Whether a failed Cloud Asset / Storage call is worth another try. */
export function isRetryable(err: unknown): boolean {
  if (err instanceof GcpTimeoutError) return true;
  if (err instanceof GcpExportError) return false;
  const { code, name } = fields(err);
  // Storage's ApiError carries the HTTP status; gax's GoogleError the google.rpc.Code (0-16).
  if (typeof code === 'number') return code >= 100 ? RETRYABLE_HTTP(code) : RETRYABLE_CODES.has(code);
  if (name === 'TimeoutError' || name === 'AbortError') return true;
  // Connection resets, refused connections and unreadable (non-JSON) error pages from a proxy.
  return name === 'SyntaxError' || name === 'TypeError' || typeof code === 'string';
}

/** One line for the coverage reason: `PERMISSION_DENIED: Request denied by Cloud IAM.`. */
export function describeError(err: unknown): string {
  const { code, message } = fields(err);
  const text = String(message ?? err)
    .split('\n')[0]!
    .slice(0, 300);
  if (err instanceof DriftwatchError) return text;
  if (typeof code === 'number' && code >= 100) return `HTTP ${code}: ${text}`;
  if (typeof code === 'number') return `${CODE_NAMES[code] ?? `code ${code}`}: ${text}`;
  return text;
}
