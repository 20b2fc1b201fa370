import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type RunningServer, startServer } from '../../../lib/cli/commands/serve.ts';
import type { ScanRecord } from '../../../lib/core/model/drift-record.ts';
import { FakeDriftStore } from '../../unit/api/fake-store.ts';
import { driftRecord, NOW, scanRecord } from '../../unit/api/fixtures.ts';
import { http } from './http-client.ts';

let server: RunningServer;
const store = new FakeDriftStore();
const logs: string[] = [];
const triggered: { target?: string }[] = [];

beforeAll(async () => {
  store.seed(
    driftRecord({ id: 'd-web', lastChangedAt: '2026-03-12T00:00:00.000Z' }),
    driftRecord({
      id: 'd-db',
      severity: 'critical',
      category: 'encryption',
      lastChangedAt: '2026-03-13T00:00:00.000Z',
    }),
  );
  await store.putScan(scanRecord({ scanId: 'scan-prod-14' }));
  server = await startServer({
    store,
    port: 0,
    now: () => NOW,
    log: (line) => logs.push(line),
    triggerScan: async (input): Promise<ScanRecord> => {
      triggered.push(input);
      return scanRecord({ scanId: 'scan-local-1', status: 'running', target: input.target ?? '*' });
    },
  });
});
afterAll(() => server.close());

const auth = (token: string) => ({ authorization: `Bearer ${token}` });

describe('driftwatch serve over real HTTP', () => {
  it('listens on loopback on the port it was given and prints a 64-hex-digit token', () => {
    expect(server.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
    expect(server.token).toMatch(/^[0-9a-f]{64}$/);
  });

  it('serves reads without a token', async () => {
    const health = await http(server.url, 'GET', '/health');
    expect(health.status).toBe(200);
    expect(health.json()).toEqual({ status: 'ok' });
    const list = await http(server.url, 'GET', '/drifts?severity=critical');
    expect(list.status).toBe(200);
    expect((list.json() as { items: { id: string }[] }).items.map((r) => r.id)).toEqual(['d-db']);
    const bad = await http(server.url, 'GET', '/drifts?limit=0');
    expect(bad.status).toBe(400);
    expect(bad.headers['content-type']).toBe('application/json; charset=utf-8');
  });

  it('needs the bearer token for POST: 401 without, 403 wrong, 200 right', async () => {
    const body = JSON.stringify({ reason: 'known: migration window until Friday' });
    const none = await http(server.url, 'POST', '/drifts/d-web/acknowledge', { body });
    expect(none.status).toBe(401);
    expect(none.headers['www-authenticate']).toBe('Bearer realm="driftwatch"');
    expect((none.json() as { error: string }).error).toBe('unauthorized');
    const wrong = await http(server.url, 'POST', '/drifts/d-web/acknowledge', {
      body,
      headers: auth('0'.repeat(64)),
    });
    expect(wrong.status).toBe(403);
    expect(wrong.json()).toEqual({ error: 'forbidden', details: { message: 'wrong bearer token' } });
    expect(store.records.get('d-web')?.status).toBe('active');
    const ok = await http(server.url, 'POST', '/drifts/d-web/acknowledge', {
      body,
      headers: auth(server.token),
    });
    expect(ok.status).toBe(200);
    const ack = store.records.get('d-web')?.acknowledgement;
    expect(ack?.by).toMatch(/^local:/);
    expect(ack?.reason).toBe('known: migration window until Friday');
    expect(store.events.get('d-web')?.map((e) => e.type)).toEqual(['acknowledged']);
  });

  it('triggers a scan with the token', async () => {
    const res = await http(server.url, 'POST', '/scans', {
      body: '{"target":"prod-eu"}',
      headers: auth(server.token),
    });
    expect(res.status).toBe(202);
    expect(res.headers.location).toBe('/scans/scan-local-1');
    expect(triggered).toEqual([{ target: 'prod-eu' }]);
  });

  it('answers 413 for a body over 64 KB and 405 for a wrong method', async () => {
    const big = JSON.stringify({ reason: 'x'.repeat(70_000) });
    const res = await http(server.url, 'POST', '/drifts/d-db/acknowledge', {
      body: big,
      headers: auth(server.token),
    });
    expect(res.status).toBe(413);
    expect(res.json()).toEqual({ error: 'payload_too_large', details: { limitBytes: 65536 } });
    const chunked = await http(server.url, 'POST', '/drifts/d-db/acknowledge', {
      body: big,
      headers: { ...auth(server.token), 'transfer-encoding': 'chunked' },
    });
    expect(chunked.status).toBe(413);
    expect(store.records.get('d-db')?.status).toBe('active');
    const put = await http(server.url, 'PUT', '/drifts/d-db', { headers: auth(server.token) });
    expect(put.status).toBe(405);
    expect(put.headers.allow).toBe('GET');
  });

  it('refuses a Host header naming another machine (DNS rebinding)', async () => {
    const res = await http(server.url, 'GET', '/drifts', { headers: { host: 'attacker.example:8080' } });
    expect(res.status).toBe(403);
    expect(res.json()).toEqual({ error: 'forbidden', details: { message: 'Host is not this machine' } });
  });

  it('exposes Prometheus text that parses: HELP, TYPE, then samples of declared families', async () => {
    const res = await http(server.url, 'GET', '/metrics');
    expect(res.status).toBe(200);
    expect(res.headers['content-type']).toBe('text/plain; version=0.0.4; charset=utf-8');
    const typed = new Map<string, string>();
    const samples: { name: string; labels: string; value: number }[] = [];
    for (const line of res.text.trimEnd().split('\n')) {
      const help = /^# HELP ([a-zA-Z_:][a-zA-Z0-9_:]*) .+$/.exec(line);
      const type = /^# TYPE ([a-zA-Z_:][a-zA-Z0-9_:]*) (counter|gauge|summary|histogram|untyped)$/.exec(line);
      const sample =
        /^([a-zA-Z_:][a-zA-Z0-9_:]*)(\{(?:[a-zA-Z_][a-zA-Z0-9_]*="(?:[^"\\]|\\.)*",?)*\})? (\S+)$/.exec(line);
      if (help) continue;
      if (type) typed.set(type[1]!, type[2]!);
      else if (sample) samples.push({ name: sample[1]!, labels: sample[2] ?? '', value: Number(sample[3]) });
      else throw new Error(`not exposition format: ${line}`);
    }
    for (const s of samples) {
      const family = s.name.replace(/_(sum|count)$/, '');
      expect(typed.has(s.name) || typed.get(family) === 'summary', s.name).toBe(true);
      expect(Number.isNaN(s.value), s.name).toBe(false);
    }
    expect(typed.get('driftwatch_http_requests_total')).toBe('counter');
    const ackCount = samples.find(
      (s) =>
        s.name === 'driftwatch_http_requests_total' &&
        s.labels === '{route="/drifts/{id}/acknowledge",method="POST",status="200"}',
    );
    expect(ackCount?.value).toBe(1);
    expect(
      samples.find(
        (s) => s.name === 'driftwatch_drift_records_by_severity' && s.labels === '{severity="critical"}',
      )?.value,
    ).toBe(1);
  });

  it('logs one line per request to the log sink, never a body or the token', () => {
    expect(logs.length).toBeGreaterThanOrEqual(10);
    for (const line of logs) {
      expect(line).toMatch(/^\d{4}-\d\d-\d\dT[\d:.]+Z (GET|POST|PUT) \/\S* \d{3} \d+ms$/);
      expect(line).not.toContain('migration window');
      expect(line).not.toContain(server.token);
    }
    expect(logs).toContainEqual(expect.stringMatching(/ POST \/drifts\/d-web\/acknowledge 403 \d+ms$/));
  });
});

describe('binding beyond loopback', () => {
  it('refuses 0.0.0.0 unless asked explicitly, and then needs the token for reads too', async () => {
    const base = { store, triggerScan: async () => scanRecord({ scanId: 'x' }), port: 0 };
    await expect(startServer({ ...base, host: '0.0.0.0' })).rejects.toThrow(
      'serve: refusing to listen on 0.0.0.0 unless --host 0.0.0.0 is given explicitly',
    );
    const open = await startServer({ ...base, host: '0.0.0.0', allowPublic: true });
    try {
      const port = new URL(open.url).port;
      const url = `http://127.0.0.1:${port}`;
      expect((await http(url, 'GET', '/health')).status).toBe(401);
      expect((await http(url, 'GET', '/health', { headers: auth(open.token) })).status).toBe(200);
    } finally {
      await open.close();
    }
  });
});
