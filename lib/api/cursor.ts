import { badRequest } from './http-error.ts';

// The API wraps the store's cursor with a fingerprint of the list and its filters. A cursor that
// does not decode, or was issued for another list or other filters, is then a clean 400 here
// instead of whatever the store would make of it.

/** Fingerprint of a listing: its name plus its filters (cursor and limit excluded). */
export function listScope(list: string, filters: Record<string, unknown>): string {
  const parts = Object.keys(filters)
    .filter((k) => k !== 'cursor' && k !== 'limit' && filters[k] !== undefined)
    .sort()
    .map((k) => `${k}=${String(filters[k])}`);
  return fnv1a(`${list}?${parts.join('&')}`);
}

/** The API cursor for the store's next-page cursor (undefined on the last page). */
export function encodeCursor(scope: string, storeCursor: string | undefined): string | undefined {
  if (storeCursor === undefined) return undefined;
  return Buffer.from(JSON.stringify({ s: scope, c: storeCursor }), 'utf8').toString('base64url');
}

/** The store cursor inside an API cursor; 400 when it is garbage or belongs to another listing. */
export function decodeCursor(scope: string, cursor: string | undefined): string | undefined {
  if (cursor === undefined) return undefined;
  let parsed: unknown;
  try {
    parsed = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
  } catch {
    throw badRequest('query', ['cursor'], 'cursor is not one this API issued', 'invalid_cursor');
  }
  if (!isWrapped(parsed))
    throw badRequest('query', ['cursor'], 'cursor is not one this API issued', 'invalid_cursor');
  if (parsed.s !== scope)
    throw badRequest('query', ['cursor'], 'cursor belongs to another listing or filters', 'invalid_cursor');
  return parsed.c;
}

function isWrapped(v: unknown): v is { s: string; c: string } {
  if (typeof v !== 'object' || v === null) return false;
  const o = v as Record<string, unknown>;
  return typeof o.s === 'string' && typeof o.c === 'string' && o.c.length > 0;
}

function fnv1a(s: string): string {
  let h = 0x811c9dc5;
  for (let i = 0; i < s.length; i++) h = Math.imul(h ^ s.charCodeAt(i), 0x01000193);
  return (h >>> 0).toString(16).padStart(8, '0');
}
