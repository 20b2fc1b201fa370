// The query API on this same origin. The bearer token comes from the page (loopback only) or
// from what the user typed this session; it is sent only to this origin.

const STORAGE_KEY = 'driftwatch-token';

function initialToken() {
  const meta = document.querySelector('meta[name="driftwatch-token"]');
  if (meta?.getAttribute('content')) return meta.getAttribute('content');
  try {
    return sessionStorage.getItem(STORAGE_KEY) ?? '';
  } catch {
    return '';
  }
}

let token = initialToken();

/** True when POST requests can be authorised. */
export function hasToken() {
  return token !== '';
}

/** Keeps a token the user typed for this browser session. */
export function setToken(value) {
  token = value.trim();
  try {
    sessionStorage.setItem(STORAGE_KEY, token);
  } catch {
    // Private mode: the token lasts until the page is reloaded.
  }
}

/** An API error: HTTP status, stable code and a readable message. */
export class ApiError extends Error {
  constructor(status, code, message) {
    super(message);
    this.status = status;
    this.code = code;
  }
}

function describe(status, body) {
  const details = body?.details;
  if (Array.isArray(details) && details.length > 0)
    return details.map((i) => `${[i.location, ...i.path].join('.')}: ${i.message}`).join('; ');
  if (details && typeof details.message === 'string') return details.message;
  return body?.error ? `${body.error} (HTTP ${status})` : `HTTP ${status}`;
}

async function request(method, path, query, body) {
  const qs = query ? new URLSearchParams(Object.entries(query).filter(([, v]) => v)).toString() : '';
  const headers = { accept: 'application/json' };
  if (token) headers.authorization = `Bearer ${token}`;
  if (body !== undefined) headers['content-type'] = 'application/json';
  const res = await fetch(qs ? `${path}?${qs}` : path, {
    method,
    headers,
    body: body === undefined ? undefined : JSON.stringify(body),
    credentials: 'omit',
    cache: 'no-store',
  });
  const parsed = await res.json().catch(() => null);
  if (!res.ok) throw new ApiError(res.status, parsed?.error ?? 'error', describe(res.status, parsed));
  return parsed;
}

/** GET a JSON resource; `query` values that are empty are left out. */
export function apiGet(path, query) {
  return request('GET', path, query);
}

/** POST a JSON body with the bearer token. */
export function apiPost(path, body) {
  return request('POST', path, undefined, body ?? {});
}

/** `/drifts/{id}` with the id percent-encoded. */
export function driftPath(id, suffix = '') {
  return `/drifts/${encodeURIComponent(id)}${suffix}`;
}
