import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ScanRecord } from '../../../lib/core/model/drift-record.ts';
import { scanRecord } from './fixtures.ts';
import { apiHarness } from './harness.ts';

const h = apiHarness();
afterAll(() => h.expectResponsesDocumented());

beforeAll(async () => {
  for (let day = 10; day <= 14; day++) {
    await h.store.putScan(
      scanRecord({ scanId: `scan-prod-${day}`, startedAt: `2026-03-${day}T06:00:00.000Z` }),
    );
  }
  await h.store.putScan(
    scanRecord({
      scanId: 'scan-staging-13',
      target: 'staging',
      startedAt: '2026-03-13T07:00:00.000Z',
      incompleteScopes: ['azure:/subscriptions/0b1f6471-1bf0-4dda-aec3-cb9272f09590'],
    }),
  );
});

const ids = (body: unknown) => (body as { items: ScanRecord[] }).items.map((s) => s.scanId);

describe('GET /scans', () => {
  it('lists newest first, filters by target and pages', async () => {
    const all = await h.call('GET', '/scans', { query: { limit: '4' } });
    expect(all.status).toBe(200);
    expect(ids(all.body)).toEqual(['scan-prod-14', 'scan-staging-13', 'scan-prod-13', 'scan-prod-12']);
    const next = await h.call('GET', '/scans', {
      query: { limit: '4', cursor: (all.body as { nextCursor: string }).nextCursor },
    });
    expect(ids(next.body)).toEqual(['scan-prod-11', 'scan-prod-10']);
    const staging = await h.call('GET', '/scans', { query: { target: 'staging' } });
    expect(ids(staging.body)).toEqual(['scan-staging-13']);
  });

  it('rejects unknown parameters and a cursor from another target', async () => {
    expect((await h.call('GET', '/scans', { query: { status: 'completed' } })).status).toBe(400);
    const prod = await h.call('GET', '/scans', { query: { limit: '1', target: 'prod-eu' } });
    const cursor = (prod.body as { nextCursor: string }).nextCursor;
    const res = await h.call('GET', '/scans', { query: { limit: '1', target: 'staging', cursor } });
    expect(res.status).toBe(400);
    expect((res.body as { details: { code: string }[] }).details[0]!.code).toBe('invalid_cursor');
  });
});

describe('GET /scans/{id}', () => {
  it('returns the scan with its incomplete scopes, or 404', async () => {
    const res = await h.call('GET', '/scans/scan-staging-13');
    expect(res.status).toBe(200);
    expect((res.body as ScanRecord).incompleteScopes).toEqual([
      'azure:/subscriptions/0b1f6471-1bf0-4dda-aec3-cb9272f09590',
    ]);
    expect(await h.call('GET', '/scans/scan-nope')).toMatchObject({
      status: 404,
      body: { error: 'not_found', details: { resource: 'scan', id: 'scan-nope' } },
    });
  });
});

describe('POST /scans', () => {
  it('starts a scan of one target and answers 202 with the scan record and its location', async () => {
    const res = await h.call('POST', '/scans', { principal: 'local:ops', body: { target: 'prod-eu' } });
    expect(res.status).toBe(202);
    expect(res.headers.location).toBe('/scans/scan-2026-03-14T12-00-00Z-manual');
    expect(res.body).toMatchObject({
      scanId: 'scan-2026-03-14T12-00-00Z-manual',
      target: 'prod-eu',
      status: 'running',
    });
    expect(h.triggered.at(-1)).toEqual({ target: 'prod-eu' });
  });

  it('takes an empty body as "all targets"', async () => {
    expect((await h.call('POST', '/scans')).status).toBe(202);
    expect(h.triggered.at(-1)).toEqual({});
    expect((await h.call('POST', '/scans', { body: '  ' })).status).toBe(202);
  });

  it('rejects a bad target, unknown fields and methods the collection does not take', async () => {
    const bad = await h.call('POST', '/scans', { body: { target: 5 } });
    expect(bad.status).toBe(400);
    expect((bad.body as { details: { path: unknown[] }[] }).details[0]!.path).toEqual(['target']);
    expect((await h.call('POST', '/scans', { body: { target: 'x', force: true } })).status).toBe(400);
    const del = await h.call('DELETE', '/scans');
    expect(del.status).toBe(405);
    expect(del.headers.allow).toBe('GET, POST');
  });
});
