import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import {
  bucketAsset,
  type GcpApiServer,
  instanceAsset,
  projectAsset,
  startGcpApiServer,
} from '../../../../fakes/gcp-api-server.ts';
import { coverageRows, DATA, FOLDER, inventory, SHOP } from './harness.ts';

let fake: GcpApiServer;
const DATA_P = 'projects/acme-data-prod';
const DENIED = 'projects/acme-data-prod: PERMISSION_DENIED: Request denied by Cloud IAM.';

beforeAll(async () => {
  fake = await startGcpApiServer();
});
beforeEach(() => {
  // Fresh fake state per test: a fault left over from one test must not leak into the next.
  fake.setAssets('projects/acme-shop-prod', [projectAsset(SHOP), instanceAsset(SHOP, 'web-1')]);
  fake.setAssets(DATA_P, [projectAsset(DATA), bucketAsset(DATA, 'data-lake')]);
  fake.setAssets(`folders/${FOLDER}`, [
    projectAsset(SHOP),
    projectAsset(DATA),
    ...Array.from({ length: 1200 }, (_, i) => bucketAsset(DATA, `data-${i}`)),
  ]);
  fake.requests.length = 0;
});
afterAll(() => fake.stop());

const listCalls = (calls: { api: string; attempt: number }[]) =>
  calls.filter((c) => c.api === 'listAssets').map((c) => c.attempt);

describe('GcpCloudAssetInventory faults', () => {
  it('rides out a 429 burst: 3 retries with full-jitter exponential delays, then a complete scope', async () => {
    fake.inject('listAssets', DATA_P, [{ status: 429 }, { status: 429 }, { status: 429 }]);
    const { inv, trace } = inventory(fake, { projects: ['acme-data-prod'] });
    const snap = await inv.read();
    expect(listCalls(trace.calls)).toEqual([0, 1, 2, 3]);
    // random() = 0.5, base 100 ms: 0.5 × 100, 0.5 × 200, 0.5 × 400.
    expect(trace.retries.map((r) => r.delayMs)).toEqual([50, 100, 200]);
    expect(trace.sleeps).toEqual([50, 100, 200]);
    expect(fake.requests.map((r) => r.status)).toEqual([429, 429, 429, 200]);
    expect(coverageRows(snap.coverage)).toEqual([['gcp:acme-data-prod', 'true']]);
    expect(snap.resources).toHaveLength(2);
  });

  it('gives up after the last attempt: the scope is incomplete with the quota message', async () => {
    fake.always('listAssets', DATA_P, { status: 429 });
    const { inv, trace } = inventory(fake, { projects: ['acme-data-prod', 'acme-shop-prod'] });
    const snap = await inv.read();
    fake.always('listAssets', DATA_P, 'ok');
    expect(trace.calls.filter((c) => c.parent === DATA_P).map((c) => c.attempt)).toEqual([0, 1, 2, 3]);
    expect(coverageRows(snap.coverage)).toEqual([
      [
        'gcp:acme-data-prod',
        'false',
        "projects/acme-data-prod: RESOURCE_EXHAUSTED: Quota exceeded for quota metric 'List Assets requests' and limit 'List Assets requests per minute per project' of service 'cloudasset.googleapis.com' for consumer 'projects/acme-data-prod'.",
      ],
      ['gcp:acme-shop-prod', 'true'],
    ]);
    expect(snap.resources.map((r) => r.scope)).toEqual(['gcp:acme-shop-prod', 'gcp:acme-shop-prod']);
  });

  it('retries 503, 500 and a proxy HTML 502 page', async () => {
    fake.inject('listAssets', DATA_P, [{ status: 503 }, { status: 500 }, 'html-502']);
    const { inv, trace } = inventory(fake, { projects: ['acme-data-prod'] });
    const snap = await inv.read();
    expect(listCalls(trace.calls)).toEqual([0, 1, 2, 3]);
    // gax would retry UNAVAILABLE by itself; its retries are off, so the server saw exactly ours.
    expect(fake.requests.map((r) => r.status)).toEqual([503, 500, 502, 200]);
    expect(snap.coverage[0]!.complete).toBe(true);
  });

  it('times out a request that never answers, retries it, and reports a scope that keeps hanging', async () => {
    fake.inject('listAssets', DATA_P, ['hang']);
    const once = await inventory(
      fake,
      { projects: ['acme-data-prod'] },
      { retry: { timeoutMs: 150 } },
    ).inv.read();
    expect(once.coverage[0]!.complete).toBe(true);
    fake.inject('listAssets', DATA_P, ['hang', 'hang', 'hang', 'hang']);
    const t0 = Date.now();
    const { inv, trace } = inventory(fake, { projects: ['acme-data-prod'] }, { retry: { timeoutMs: 150 } });
    const snap = await inv.read();
    expect(Date.now() - t0).toBeLessThan(3000);
    expect(listCalls(trace.calls)).toEqual([0, 1, 2, 3]);
    expect(coverageRows(snap.coverage)).toEqual([
      ['gcp:acme-data-prod', 'false', 'projects/acme-data-prod: no answer within 150 ms (DEADLINE_EXCEEDED)'],
    ]);
  });

  it('does not retry PERMISSION_DENIED: that one project is incomplete, the other complete', async () => {
    fake.always('listAssets', DATA_P, { status: 403 });
    const { inv, trace } = inventory(fake, { projects: ['acme-shop-prod', 'acme-data-prod'] });
    const snap = await inv.read();
    fake.always('listAssets', DATA_P, 'ok');
    expect(trace.calls.filter((c) => c.parent === DATA_P)).toHaveLength(1);
    expect(coverageRows(snap.coverage)).toEqual([
      ['gcp:acme-data-prod', 'false', DENIED],
      ['gcp:acme-shop-prod', 'true'],
    ]);
  });

  it('a folder failing on page 2 marks the projects page 1 named, and drops the partial listing', async () => {
    fake.inject('listAssets', `folders/${FOLDER}`, ['ok', { status: 403 }]);
    const { inv } = inventory(fake, { folders: [FOLDER] });
    const snap = await inv.read();
    const reason = `folders/${FOLDER}: PERMISSION_DENIED: Request denied by Cloud IAM.`;
    expect(coverageRows(snap.coverage)).toEqual([
      ['gcp-folder:283746519203', 'false', reason],
      ['gcp:acme-data-prod', 'false', reason],
      ['gcp:acme-shop-prod', 'false', reason],
    ]);
    expect(snap.resources).toEqual([]);
  });

  it('a folder failing outright marks the projects configured or seen under it in earlier reads', async () => {
    const known = { [`folders/${FOLDER}`]: ['acme-legacy-prod'] };
    const { inv } = inventory(fake, { folders: [FOLDER] }, { knownProjects: known });
    expect((await inv.read()).coverage.every((c) => c.complete)).toBe(true);
    fake.inject('listAssets', `folders/${FOLDER}`, [{ status: 403 }]);
    const snap = await inv.read();
    expect(coverageRows(snap.coverage).map((r) => [r[0], r[1]])).toEqual([
      ['gcp-folder:283746519203', 'false'],
      ['gcp:acme-data-prod', 'false'],
      ['gcp:acme-legacy-prod', 'false'],
      ['gcp:acme-shop-prod', 'false'],
    ]);
  });
});
