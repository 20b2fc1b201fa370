import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DASHBOARD_CSP } from '../../lib/dashboard/serve-dashboard.ts';
import { http } from '../integration/api/http-client.ts';
import { type DemoServer, startDemoServer } from './demo-server.ts';

let demo: DemoServer;
beforeAll(async () => {
  demo = await startDemoServer();
});
afterAll(() => demo?.close());

describe('driftwatch serve: the dashboard hook', () => {
  it('answers / with the page, the CSP and the token (loopback caller)', async () => {
    const res = await http(demo.server.url, 'GET', '/');
    expect(res.status).toBe(200);
    expect(res.headers['content-security-policy']).toBe(DASHBOARD_CSP);
    expect(res.text).toContain(`<meta name="driftwatch-token" content="${demo.server.token}">`);
  });

  it('answers /ui/ assets and 404s unknown ones with the CSP, without the API error shape', async () => {
    const js = await http(demo.server.url, 'GET', '/ui/js/main.js');
    expect(js.status).toBe(200);
    expect(js.headers['content-type']).toBe('text/javascript; charset=utf-8');
    const missing = await http(demo.server.url, 'GET', '/ui/missing.js');
    expect(missing.status).toBe(404);
    expect(missing.headers['content-security-policy']).toBe(DASHBOARD_CSP);
  });

  it('still hands every other path to the API router', async () => {
    const stats = await http(demo.server.url, 'GET', '/stats');
    expect(stats.status).toBe(200);
    expect(stats.headers['content-type']).toBe('application/json; charset=utf-8');
    expect(stats.headers['content-security-policy']).toBeUndefined();
    const unknown = await http(demo.server.url, 'GET', '/ui');
    expect(unknown.status).toBe(404);
    expect(unknown.json()).toEqual({ error: 'not_found', details: null });
  });

  it('refuses the page under a foreign Host name (DNS rebinding), so the token never leaks', async () => {
    const res = await http(demo.server.url, 'GET', '/', { headers: { host: 'evil.example:80' } });
    expect(res.status).toBe(403);
    expect(res.text).not.toContain(demo.server.token);
  });
});
