export { backoffDelay, type RetryPolicy, withRetry } from './backoff.ts';
export { isRetryableStatus, retryAfterMs } from './http-status.ts';
export { concurrencyLimit, mapLimited } from './limit.ts';
