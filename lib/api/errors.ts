import { ConflictError } from '../core/ports/drift-store.ts';
import { badRequest, errorResponse, HttpError } from './http-error.ts';
import type { ApiResponse } from './types.ts';

/** True for the store's optimistic-concurrency failure (by class, or by name across module copies). */
export function isConflict(err: unknown): err is ConflictError {
  return err instanceof ConflictError || (err instanceof Error && err.name === 'ConflictError');
}

/** True for an impossible lifecycle transition (acknowledging a resolved drift, say). */
function isLifecycleError(err: unknown): err is Error {
  // Matched by name: the router takes the lifecycle as injected functions and does not import it.
  return err instanceof Error && err.name === 'LifecycleError';
}

/** True for a store that rejects a cursor it cannot read (InvalidCursorError or similar). */
function isCursorError(err: unknown): err is Error {
  return err instanceof Error && /cursor/i.test(err.name);
}

/**
 * The response for anything a route threw. Known errors map to their status; anything else is a
 * bare 500: no message, no stack, nothing of the internals reaches the caller.
 */
export function responseForError(err: unknown): { response: ApiResponse; unexpected: boolean } {
  if (err instanceof HttpError) return { response: errorResponse(err), unexpected: false };
  if (isConflict(err)) {
    const details = { message: 'the drift was changed concurrently; re-read and retry', id: err.driftId };
    return { response: errorResponse(new HttpError(409, 'conflict', details)), unexpected: false };
  }
  if (isLifecycleError(err)) {
    // Lifecycle messages are ours and one line ("drift is resolved"), fit for the caller.
    const details = { message: err.message.split('\n')[0] };
    return { response: errorResponse(new HttpError(409, 'invalid_transition', details)), unexpected: false };
  }
  if (isCursorError(err)) {
    const bad = badRequest('query', ['cursor'], 'cursor is not one this API issued', 'invalid_cursor');
    return { response: errorResponse(bad), unexpected: false };
  }
  return { response: errorResponse(new HttpError(500, 'internal_error', null)), unexpected: true };
}
