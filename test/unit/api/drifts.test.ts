import { afterAll, describe, expect, it } from 'vitest';
import type { DriftRecord } from '../../../lib/core/model/drift-record.ts';
import { driftRecord } from './fixtures.ts';
import { apiHarness } from './harness.ts';

const h = apiHarness();
afterAll(() => h.expectResponsesDocumented());

/** Seven drifts, one per hour, alternating severities, the newest last. */
function seedSeven(): DriftRecord[] {
  const severities = ['low', 'medium', 'high', 'critical'] as const;
  const records = Array.from({ length: 7 }, (_, i) =>
    driftRecord({
      id: `d${i}`,
      severity: severities[i % 4]!,
      provider: i < 5 ? 'aws' : 'gcp',
      lastChangedAt: `2026-03-13T0${i}:00:00.000Z`,
    }),
  );
  h.store.records.clear();
  h.store.seed(...records);
  return records;
}

describe('GET /drifts', () => {
  it('lists newest change first with the default limit of 50', async () => {
    seedSeven();
    const res = await h.call('GET', '/drifts');
    expect(res.status).toBe(200);
    const body = res.body as { items: DriftRecord[]; nextCursor?: string };
    expect(body.items.map((r) => r.id)).toEqual(['d6', 'd5', 'd4', 'd3', 'd2', 'd1', 'd0']);
    expect(body.nextCursor).toBeUndefined();
    expect(h.store.lastQuery).toEqual({ limit: 50 });
  });

  it('pages with the cursor until the last page', async () => {
    seedSeven();
    const seen: string[][] = [];
    let cursor: string | undefined;
    do {
      const res = await h.call('GET', '/drifts', { query: { limit: '3', cursor } });
      expect(res.status).toBe(200);
      const body = res.body as { items: DriftRecord[]; nextCursor?: string };
      seen.push(body.items.map((r) => r.id));
      cursor = body.nextCursor;
    } while (cursor);
    expect(seen).toEqual([['d6', 'd5', 'd4'], ['d3', 'd2', 'd1'], ['d0']]);
  });

  it('treats severity as a minimum and passes every filter to the store', async () => {
    seedSeven();
    const res = await h.call('GET', '/drifts', {
      query: {
        severity: 'high',
        provider: 'aws',
        status: 'active',
        target: 'prod-eu',
        type: 'aws_security_group',
      },
    });
    expect((res.body as { items: DriftRecord[] }).items.map((r) => [r.id, r.severity])).toEqual([
      ['d3', 'critical'],
      ['d2', 'high'],
    ]);
    expect(h.store.lastQuery).toEqual({
      limit: 50,
      severity: 'high',
      provider: 'aws',
      status: 'active',
      target: 'prod-eu',
      type: 'aws_security_group',
    });
  });

  it('normalises since to UTC before the store compares it', async () => {
    seedSeven();
    const res = await h.call('GET', '/drifts', { query: { since: '2026-03-13T06:00:00+01:00' } });
    expect((res.body as { items: DriftRecord[] }).items.map((r) => r.id)).toEqual(['d6', 'd5']);
    expect(h.store.lastQuery?.since).toBe('2026-03-13T05:00:00.000Z');
  });

  it.each([
    [{ status: 'open' }, ['status'], 'invalid_value'],
    [{ severity: 'severe' }, ['severity'], 'invalid_value'],
    [{ provider: 'oracle' }, ['provider'], 'invalid_value'],
    [{ limit: '0' }, ['limit'], 'too_small'],
    [{ limit: '501' }, ['limit'], 'too_big'],
    [{ limit: 'ten' }, ['limit'], 'invalid_type'],
    [{ limit: '2.5' }, ['limit'], 'invalid_type'],
    [{ since: 'yesterday' }, ['since'], 'invalid_format'],
    [{ cursor: 'not a cursor!' }, ['cursor'], 'invalid_format'],
    [{ sort: 'asc' }, [], 'unrecognized_keys'],
  ])('rejects %j with a 400 naming the parameter', async (query, path, code) => {
    const res = await h.call('GET', '/drifts', { query });
    expect(res.status).toBe(400);
    const body = res.body as {
      error: string;
      details: { location: string; path: unknown[]; code: string }[];
    };
    expect(body.error).toBe('invalid_request');
    expect(body.details.map((d) => [d.location, d.path, d.code])).toEqual([['query', path, code]]);
  });

  it('rejects a cursor that does not decode, and one issued for other filters', async () => {
    seedSeven();
    const garbage = await h.call('GET', '/drifts', { query: { cursor: 'Zm9vYmFy' } });
    expect(garbage.status).toBe(400);
    expect(garbage.body).toEqual({
      error: 'invalid_request',
      details: [
        {
          location: 'query',
          path: ['cursor'],
          code: 'invalid_cursor',
          message: 'cursor is not one this API issued',
        },
      ],
    });
    const first = await h.call('GET', '/drifts', { query: { limit: '2', provider: 'aws' } });
    const cursor = (first.body as { nextCursor: string }).nextCursor;
    const other = await h.call('GET', '/drifts', { query: { limit: '2', provider: 'gcp', cursor } });
    expect(other.status).toBe(400);
    expect((other.body as { details: { code: string }[] }).details[0]!.code).toBe('invalid_cursor');
  });
});

describe('GET /drifts/{id}', () => {
  it('returns the record, percent-decoding the id', async () => {
    const record = driftRecord({ id: 'prod-eu/sg web' });
    h.store.seed(record);
    const res = await h.call('GET', '/drifts/prod-eu%2Fsg%20web');
    expect(res.status).toBe(200);
    expect(res.body).toEqual(record);
  });

  it('answers 404 for an unknown id and 400 for broken percent-encoding', async () => {
    expect(await h.call('GET', '/drifts/d-missing')).toMatchObject({
      status: 404,
      body: { error: 'not_found', details: { resource: 'drift', id: 'd-missing' } },
    });
    const bad = await h.call('GET', '/drifts/%E0%A4%A');
    expect(bad.status).toBe(400);
    expect((bad.body as { details: { code: string }[] }).details[0]!.code).toBe('invalid_path');
  });

  it('rejects query parameters the route does not take', async () => {
    h.store.seed(driftRecord({ id: 'd1' }));
    const res = await h.call('GET', '/drifts/d1', { query: { verbose: 'true' } });
    expect(res.status).toBe(400);
    expect((res.body as { details: { code: string }[] }).details[0]!.code).toBe('unrecognized_keys');
  });
});

describe('GET /drifts/{id}/history', () => {
  it('pages the events newest first', async () => {
    h.store.seed(driftRecord({ id: 'dh' }));
    const at = ['2026-03-10T08:00:00.000Z', '2026-03-11T08:00:00.000Z', '2026-03-12T08:00:00.000Z'];
    h.store.events.set(
      'dh',
      at.map((t, i) => ({
        driftId: 'dh',
        eventId: `${t}#scan-${i}#${i === 0 ? 'opened' : 'changed'}`,
        type: i === 0 ? ('opened' as const) : ('changed' as const),
        at: t,
        scanId: `scan-${i}`,
        status: 'active' as const,
        severity: 'high' as const,
      })),
    );
    const first = await h.call('GET', '/drifts/dh/history', { query: { limit: '2' } });
    const page = first.body as { items: { at: string }[]; nextCursor: string };
    expect(page.items.map((e) => e.at)).toEqual([at[2], at[1]]);
    const second = await h.call('GET', '/drifts/dh/history', {
      query: { limit: '2', cursor: page.nextCursor },
    });
    expect(second.body).toMatchObject({ items: [{ at: at[0], type: 'opened' }] });
    expect((second.body as { nextCursor?: string }).nextCursor).toBeUndefined();
  });

  it('answers 404 for an unknown drift and 400 for a bad limit', async () => {
    expect((await h.call('GET', '/drifts/nope/history')).status).toBe(404);
    expect((await h.call('GET', '/drifts/dh/history', { query: { limit: '-1' } })).status).toBe(400);
  });
});
