import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { driftRecord, scanRecord } from './fixtures.ts';
import { apiHarness } from './harness.ts';

const h = apiHarness();
afterAll(() => h.expectResponsesDocumented());

beforeAll(async () => {
  h.store.seed(
    driftRecord({ id: 'a', firstDetectedAt: '2026-03-14T01:00:00.000Z' }),
    driftRecord({ id: 'b', severity: 'critical', category: 'iam', provider: 'gcp' }),
    driftRecord({
      id: 'c',
      status: 'resolved',
      severity: 'low',
      category: 'tags',
      firstDetectedAt: '2026-02-01T00:00:00.000Z',
      resolvedAt: '2026-03-13T10:00:00.000Z',
    }),
  );
  await h.store.putScan(scanRecord({ scanId: 'scan-prod-14', target: 'prod "eu"' }));
});

describe('health and readiness', () => {
  it('GET /health answers ok and takes no parameters', async () => {
    expect(await h.call('GET', '/health')).toMatchObject({ status: 200, body: { status: 'ok' } });
    expect((await h.call('GET', '/health', { query: { probe: '1' } })).status).toBe(400);
  });

  it('GET /ready follows the store: 200, then 503 when it is down or throws', async () => {
    expect(await h.call('GET', '/ready')).toMatchObject({ status: 200, body: { status: 'ready' } });
    h.store.up = false;
    expect(await h.call('GET', '/ready')).toMatchObject({ status: 503, body: { status: 'unavailable' } });
    h.store.up = true;
    const ping = h.store.ping;
    h.store.ping = async () => {
      throw new Error('connect ECONNREFUSED 127.0.0.1:8000');
    };
    const res = await h.call('GET', '/ready');
    h.store.ping = ping;
    expect(res).toMatchObject({ status: 503, body: { status: 'unavailable' } });
    expect(res.text).not.toContain('ECONNREFUSED');
  });
});

describe('GET /stats', () => {
  it('reports counts, coverage per target and a 30-day trend ending today', async () => {
    const res = await h.call('GET', '/stats');
    expect(res.status).toBe(200);
    const stats = res.body as {
      byStatus: Record<string, number>;
      bySeverity: Record<string, number>;
      targets: unknown[];
      trend: { day: string; opened: number; resolved: number }[];
    };
    expect(stats.byStatus).toEqual({ active: 2, resolved: 1 });
    expect(stats.bySeverity).toEqual({ high: 1, critical: 1, low: 1 });
    expect(stats.targets).toEqual([
      {
        target: 'prod "eu"',
        lastScanId: 'scan-prod-14',
        coverage: 0.96,
        complete: true,
        at: '2026-03-14T06:01:12.000Z',
      },
    ]);
    expect(stats.trend).toHaveLength(30);
    expect(stats.trend[0]!.day).toBe('2026-02-13');
    expect(stats.trend.at(-1)).toEqual({ day: '2026-03-14', opened: 1, resolved: 0 });
    expect(stats.trend.at(-2)).toEqual({ day: '2026-03-13', opened: 0, resolved: 1 });
  });
});

describe('GET /metrics', () => {
  it('serves the Prometheus text format with store gauges and request counts by route template', async () => {
    await h.call('GET', '/drifts/a');
    await h.call('GET', '/drifts/zzz');
    const res = await h.call('GET', '/metrics');
    expect(res.status).toBe(200);
    expect(res.headers['content-type']).toBe('text/plain; version=0.0.4; charset=utf-8');
    const lines = res.text.split('\n');
    expect(lines).toContain('# TYPE driftwatch_drift_records gauge');
    expect(lines).toContain('driftwatch_store_up 1');
    expect(lines).toContain('driftwatch_drift_records{status="active"} 2');
    expect(lines).toContain('driftwatch_drift_records_by_category{category="iam"} 1');
    expect(lines).toContain('driftwatch_target_coverage_ratio{target="prod \\"eu\\""} 0.96');
    expect(lines).toContain('driftwatch_drifts_resolved_window 1');
    expect(lines).toContain('# TYPE driftwatch_http_requests_total counter');
    expect(lines).toContain(
      'driftwatch_http_requests_total{route="/drifts/{id}",method="GET",status="200"} 1',
    );
    expect(lines).toContain(
      'driftwatch_http_requests_total{route="/drifts/{id}",method="GET",status="404"} 1',
    );
    expect(res.text).not.toContain('zzz');
  });

  it('still answers when the store fails, with driftwatch_store_up 0', async () => {
    h.store.failure = new Error('ResourceNotFoundException: table driftwatch-prod');
    const res = await h.call('GET', '/metrics');
    h.store.failure = undefined;
    expect(res.status).toBe(200);
    expect(res.text.split('\n')).toContain('driftwatch_store_up 0');
    expect(res.text).not.toContain('driftwatch_drift_records{');
  });
});

describe('errors', () => {
  it('answers 404 for unknown routes and reports the route template to the metrics sink', async () => {
    expect(await h.call('GET', '/v2/drifts')).toMatchObject({
      status: 404,
      body: { error: 'not_found', details: null },
    });
    expect(h.samples.at(-1)).toMatchObject({ route: 'unmatched', method: 'GET', status: 404 });
    await h.call('GET', '/drifts/a/');
    expect(h.samples.at(-1)).toMatchObject({ route: '/drifts/{id}', status: 200 });
  });

  it('answers 500 with no internals and hands the error to the host', async () => {
    const secret = new Error(
      'AccessDeniedException: arn:aws:iam::123456789012:role/driftwatch-api at Table/x',
    );
    h.store.failure = secret;
    const res = await h.call('GET', '/drifts');
    h.store.failure = undefined;
    expect(res.status).toBe(500);
    expect(res.body).toEqual({ error: 'internal_error', details: null });
    expect(res.text).not.toMatch(/AccessDenied|arn:|at /);
    expect(h.unexpected.at(-1)).toBe(secret);
  });

  it('answers 500 when the store returns a record that breaks the contract', async () => {
    h.store.seed({ ...driftRecord({ id: 'broken' }), severity: 'catastrophic' } as never);
    const res = await h.call('GET', '/drifts/broken');
    h.store.records.delete('broken');
    expect(res).toMatchObject({ status: 500, body: { error: 'internal_error', details: null } });
  });

  it('drops fields a store adds beyond the documented record', async () => {
    h.store.seed({ ...driftRecord({ id: 'extra' }), pk: 'TARGET#prod-eu', sk: 'DRIFT#extra' } as never);
    const res = await h.call('GET', '/drifts/extra');
    h.store.records.delete('extra');
    expect(res.status).toBe(200);
    expect(res.body).not.toHaveProperty('pk');
    expect(res.headers['cache-control']).toBe('no-store');
  });
});
