import { describe, expect, it } from 'vitest';
import { dashboardAssets } from '../../../lib/dashboard/assets.ts';
import { dashboardBundleSize } from '../../../lib/dashboard/bundle-size.ts';
import {
  createDashboard,
  DASHBOARD_CSP,
  isDashboardPath,
  isLoopbackPeer,
} from '../../../lib/dashboard/serve-dashboard.ts';

const TOKEN = 'a'.repeat(64);
const dashboard = createDashboard({ token: TOKEN });
const get = (path: string, injectToken = true) => dashboard.handle({ method: 'GET', path, injectToken });

describe('dashboard static server', () => {
  it('claims / and /ui/... only, leaving every API path to the router', () => {
    expect(['/', '/ui/', '/ui/js/main.js'].map(isDashboardPath)).toEqual([true, true, true]);
    expect(['/drifts', '/stats', '/ui', '/uix/a', '/openapi.json'].map(isDashboardPath)).toEqual([
      false,
      false,
      false,
      false,
      false,
    ]);
  });

  it('serves the page with the strict CSP and the token meta tag for a loopback caller', () => {
    const res = get('/');
    expect(res.status).toBe(200);
    expect(res.headers['content-type']).toBe('text/html; charset=utf-8');
    expect(res.headers['content-security-policy']).toBe(
      "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; connect-src 'self'; frame-ancestors 'none'; base-uri 'none'",
    );
    expect(res.headers['cache-control']).toBe('no-store');
    expect(res.body).toContain(`<meta name="driftwatch-token" content="${TOKEN}">`);
    expect(res.body).toContain('<script type="module" src="/ui/js/main.js"></script>');
  });

  it('leaves the token out for any other caller', () => {
    const res = get('/', false);
    expect(res.status).toBe(200);
    expect(res.body).not.toContain(TOKEN);
    expect(res.body).not.toContain('driftwatch-token');
    expect(get('/ui/index.html', false).body).not.toContain(TOKEN);
  });

  it('escapes the token inside the attribute', () => {
    const odd = createDashboard({ token: '"><script>x</script>' }).handle({
      method: 'GET',
      path: '/',
      injectToken: true,
    });
    expect(odd.body).toContain('content="&#34;&#62;&#60;script&#62;x&#60;/script&#62;"');
  });

  it('serves Preact, hooks and htm from node_modules with relative imports only', () => {
    const preact = get('/ui/vendor/preact.js');
    expect(preact.status).toBe(200);
    expect(preact.headers['content-type']).toBe('text/javascript; charset=utf-8');
    expect(preact.body).toMatch(/export\s*\{/);
    const hooks = get('/ui/vendor/hooks.js').body;
    expect(hooks).toContain('from"./preact.js"');
    expect(hooks).not.toMatch(/from\s*["']preact["']/);
    expect(get('/ui/vendor/htm.js').status).toBe(200);
    expect(preact.body).not.toContain('sourceMappingURL');
  });

  it('answers unknown and traversal paths 404, other methods 405, all with the CSP', () => {
    for (const path of ['/ui/nope.js', '/ui/../package.json', '/ui/%2e%2e/package.json', '/ui/js/']) {
      const res = get(path);
      expect(res.status, path).toBe(404);
      expect(res.headers['content-security-policy']).toBe(DASHBOARD_CSP);
    }
    const post = dashboard.handle({ method: 'POST', path: '/', injectToken: true });
    expect(post.status).toBe(405);
    expect(post.headers.allow).toBe('GET, HEAD');
  });

  it('lists every static file it ships, and only html/js/css/svg', () => {
    const urls = [...dashboardAssets().keys()];
    expect(urls).toContain('/ui/index.html');
    expect(urls).toContain('/ui/js/main.js');
    expect(urls).toContain('/ui/css/app.css');
    expect(urls.every((u) => /\.(html|js|css|svg)$/.test(u))).toBe(true);
  });

  it('recognises loopback peers, IPv4-mapped included', () => {
    expect(['127.0.0.1', '::1', '::ffff:127.0.0.1', '127.1.2.3'].map(isLoopbackPeer)).toEqual([
      true,
      true,
      true,
      true,
    ]);
    expect(['10.0.0.1', '::ffff:10.0.0.1', '', undefined].map(isLoopbackPeer)).toEqual([
      false,
      false,
      false,
      false,
    ]);
  });
});

describe('dashboard bundle size', () => {
  it('ships every app and vendor module well under 150 KB gzipped', () => {
    const size = dashboardBundleSize();
    expect(size.jsFiles).toBe([...dashboardAssets().keys()].filter((u) => u.endsWith('.js')).length);
    expect(size.jsFiles).toBeGreaterThanOrEqual(15);
    expect(size.jsGzipBytes).toBeGreaterThan(5_000);
    expect(size.jsGzipBytes).toBeLessThan(150 * 1024);
    expect(size.totalGzipBytes).toBeGreaterThan(size.jsGzipBytes);
  });
});
