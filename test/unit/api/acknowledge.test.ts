import { afterAll, beforeEach, describe, expect, it } from 'vitest';
import type { DriftRecord } from '../../../lib/core/model/drift-record.ts';
import { driftRecord } from './fixtures.ts';
import { apiHarness } from './harness.ts';

const h = apiHarness();
afterAll(() => h.expectResponsesDocumented());

const ALICE = 'arn:aws:sts::123456789012:assumed-role/platform-oncall/alice@example.com';

beforeEach(() => {
  h.store.records.clear();
  h.store.events.clear();
  h.store.applied.length = 0;
  h.store.conflicts = 0;
  h.store.seed(driftRecord({ id: 'd1', version: 3 }));
});

describe('POST /drifts/{id}/acknowledge', () => {
  it('acknowledges as the caller, records who and why, and appends history', async () => {
    const res = await h.call('POST', '/drifts/d1/acknowledge', {
      principal: ALICE,
      body: {
        reason: '  hotfix for incident INC-4711, revert planned  ',
        expiresAt: '2026-03-21T13:00:00+01:00',
      },
    });
    expect(res.status).toBe(200);
    const record = res.body as DriftRecord;
    expect(record.status).toBe('acknowledged');
    expect(record.version).toBe(4);
    expect(record.acknowledgement).toEqual({
      by: ALICE,
      reason: 'hotfix for incident INC-4711, revert planned',
      at: '2026-03-14T12:00:00.000Z',
      expiresAt: '2026-03-21T12:00:00.000Z',
    });
    expect(h.store.records.get('d1')?.acknowledgement?.by).toBe(ALICE);
    expect(h.store.applied[0]![0]!.expectedVersion).toBe(3);
    expect(h.store.events.get('d1')?.map((e) => [e.type, e.actor])).toEqual([['acknowledged', ALICE]]);
  });

  it('re-reads and retries once after a version conflict', async () => {
    h.store.conflicts = 1;
    const res = await h.call('POST', '/drifts/d1/acknowledge', {
      principal: ALICE,
      body: { reason: 'known' },
    });
    expect(res.status).toBe(200);
    expect(h.store.applied).toHaveLength(2);
  });

  it('answers 409 when the retry conflicts too', async () => {
    h.store.conflicts = 2;
    const res = await h.call('POST', '/drifts/d1/acknowledge', {
      principal: ALICE,
      body: { reason: 'known' },
    });
    expect(res.status).toBe(409);
    expect(res.body).toEqual({
      error: 'conflict',
      details: { message: 'the drift was changed concurrently; re-read and retry', id: 'd1' },
    });
    expect(h.store.applied).toHaveLength(2);
    expect(h.store.records.get('d1')?.status).toBe('active');
  });

  it('answers 409 for a resolved drift', async () => {
    h.store.seed(driftRecord({ id: 'd2', status: 'resolved', resolvedAt: '2026-03-13T00:00:00.000Z' }));
    const res = await h.call('POST', '/drifts/d2/acknowledge', {
      principal: ALICE,
      body: { reason: 'late' },
    });
    expect(res.status).toBe(409);
    expect(res.body).toEqual({ error: 'invalid_transition', details: { message: 'drift d2 is resolved' } });
  });

  it('answers 401 without a caller and 404 for an unknown drift', async () => {
    const anon = await h.call('POST', '/drifts/d1/acknowledge', { body: { reason: 'x' } });
    expect(anon.status).toBe(401);
    expect(anon.body).toEqual({
      error: 'unauthorized',
      details: { message: 'an authenticated caller is required' },
    });
    const missing = await h.call('POST', '/drifts/zz/acknowledge', {
      principal: ALICE,
      body: { reason: 'x' },
    });
    expect(missing.status).toBe(404);
    expect(h.store.applied).toEqual([]);
  });

  it.each([
    ['no reason', {}, ['reason'], 'invalid_type'],
    ['blank reason', { reason: '   ' }, ['reason'], 'too_small'],
    ['unknown field', { reason: 'x', by: 'mallory' }, [], 'unrecognized_keys'],
    ['bad expiry', { reason: 'x', expiresAt: 'next week' }, ['expiresAt'], 'invalid_format'],
    ['past expiry', { reason: 'x', expiresAt: '2026-03-14T11:59:59Z' }, ['expiresAt'], 'custom'],
    ['array body', [], [], 'invalid_type'],
  ])('rejects %s with a 400 on the body', async (_name, body, path, code) => {
    const res = await h.call('POST', '/drifts/d1/acknowledge', { principal: ALICE, body });
    expect(res.status).toBe(400);
    const details = (res.body as { details: { location: string; path: unknown[]; code: string }[] }).details;
    expect(details.map((d) => [d.location, d.path, d.code])).toEqual([['body', path, code]]);
    expect(h.store.applied).toEqual([]);
  });

  it('rejects a body that is not JSON', async () => {
    const res = await h.call('POST', '/drifts/d1/acknowledge', { principal: ALICE, body: '{"reason": "x"' });
    expect(res.status).toBe(400);
    expect(res.body).toEqual({
      error: 'invalid_request',
      details: [{ location: 'body', path: [], code: 'invalid_json', message: 'body is not valid JSON' }],
    });
  });

  it('answers 413 for a body over 64 KB before parsing it', async () => {
    const res = await h.call('POST', '/drifts/d1/acknowledge', {
      principal: ALICE,
      body: JSON.stringify({ reason: 'x'.repeat(64 * 1024) }),
    });
    expect(res.status).toBe(413);
    expect(res.body).toEqual({ error: 'payload_too_large', details: { limitBytes: 65536 } });
  });

  it('answers 405 with Allow for GET on a POST route', async () => {
    const res = await h.call('GET', '/drifts/d1/acknowledge');
    expect(res.status).toBe(405);
    expect(res.headers.allow).toBe('POST');
    expect(res.body).toEqual({ error: 'method_not_allowed', details: { allowed: ['POST'] } });
  });
});

describe('POST /drifts/{id}/unacknowledge', () => {
  it('returns an acknowledged drift to active, as the caller', async () => {
    await h.call('POST', '/drifts/d1/acknowledge', { principal: ALICE, body: { reason: 'known' } });
    const res = await h.call('POST', '/drifts/d1/unacknowledge', {
      principal: 'arn:aws:iam::123456789012:user/bob',
    });
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ id: 'd1', status: 'active', version: 5 });
    expect((res.body as DriftRecord).acknowledgement).toBeUndefined();
    expect(h.store.events.get('d1')?.map((e) => [e.type, e.actor])).toEqual([
      ['acknowledged', ALICE],
      ['unacknowledged', 'arn:aws:iam::123456789012:user/bob'],
    ]);
  });

  it('answers 409 when the drift is not acknowledged and 400 for any body field', async () => {
    expect((await h.call('POST', '/drifts/d1/unacknowledge', { principal: ALICE })).status).toBe(409);
    const res = await h.call('POST', '/drifts/d1/unacknowledge', { principal: ALICE, body: { reason: 'x' } });
    expect(res.status).toBe(400);
  });
});
