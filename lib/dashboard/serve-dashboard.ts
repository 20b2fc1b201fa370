import { type Asset, dashboardAssets, readAsset } from './assets.ts';

/** Strict policy on every dashboard response: only this origin, no inline script or style, no framing. */
export const DASHBOARD_CSP =
  "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; connect-src 'self'; " +
  "frame-ancestors 'none'; base-uri 'none'";

const TOKEN_MARKER = '<!-- driftwatch:token -->';
const INDEX = '/ui/index.html';

export interface DashboardRequest {
  method: string;
  path: string;
  /** True only when the request reached a loopback server from a loopback peer: the page may carry the token. */
  injectToken: boolean;
}

export interface DashboardResponse {
  status: number;
  headers: Record<string, string>;
  body: string;
}

export interface Dashboard {
  handle(req: DashboardRequest): DashboardResponse;
}

/** Paths the dashboard answers (everything else is the API's): `/` and `/ui/...`. */
export function isDashboardPath(path: string): boolean {
  return path === '/' || path.startsWith('/ui/');
}

/** The single-page app's static files and vendor modules, answered with the CSP and the token meta tag. */
export function createDashboard(opts: { token: string; staticDir?: string }): Dashboard {
  const assets: Map<string, Asset> = dashboardAssets(opts.staticDir);
  const cache = new Map<string, string>();
  const text = (url: string, asset: Asset) => {
    let body = cache.get(url);
    if (body === undefined) {
      body = readAsset(asset);
      cache.set(url, body);
    }
    return body;
  };
  const tokenMeta = `<meta name="driftwatch-token" content="${escapeAttribute(opts.token)}">`;

  return {
    handle(req) {
      const method = req.method.toUpperCase();
      if (method !== 'GET' && method !== 'HEAD')
        return reply(405, 'text/plain; charset=utf-8', 'method not allowed\n', { allow: 'GET, HEAD' });
      const url = req.path === '/' || req.path === '/ui/' ? INDEX : req.path;
      const asset = assets.get(url);
      if (!asset) return reply(404, 'text/plain; charset=utf-8', 'not found\n');
      let body = text(url, asset);
      if (url === INDEX) {
        // The page carrying the token is never cached, and only a loopback caller gets it.
        body = body.replace(TOKEN_MARKER, req.injectToken ? tokenMeta : '');
        return reply(200, asset.contentType, body, { 'cache-control': 'no-store' });
      }
      return reply(200, asset.contentType, body);
    },
  };
}

function reply(
  status: number,
  contentType: string,
  body: string,
  extra: Record<string, string> = {},
): DashboardResponse {
  return {
    status,
    headers: {
      'content-type': contentType,
      'content-security-policy': DASHBOARD_CSP,
      'x-content-type-options': 'nosniff',
      'x-frame-options': 'DENY',
      'referrer-policy': 'no-referrer',
      'cross-origin-opener-policy': 'same-origin',
      'cross-origin-resource-policy': 'same-origin',
      'cache-control': 'no-cache',
      ...extra,
    },
    body,
  };
}

function escapeAttribute(value: string): string {
  return value.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}

/** Loopback peer address as the socket reports it (IPv4, IPv6, IPv4-mapped IPv6). */
export function isLoopbackPeer(address: string | undefined): boolean {
  if (!address) return false;
  const a = address.toLowerCase().replace(/^::ffff:/, '');
  return a === '::1' || /^127(\.\d{1,3}){3}$/.test(a);
}
