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
const saved = process.env.STORAGE_EMULATOR_HOST;
const FOLDER_P = `folders/${FOLDER}`;
const EXPORT_TO = 'gs://acme-cai-exports/driftwatch/';
const now = () => new Date('2026-11-24T06:00:00.000Z');
const URI = `gs://acme-cai-exports/driftwatch/20261124T060000-000Z-folders-${FOLDER}.ndjson`;
const scopes = { folders: [FOLDER], exportTo: EXPORT_TO };

beforeAll(async () => {
  fake = await startGcpApiServer();
  // The Storage client reads this when it is built: media downloads then go to the fake, unsigned.
  process.env.STORAGE_EMULATOR_HOST = `${fake.url}/storage/v1`;
});
beforeEach(() => {
  fake.objects.clear();
  fake.requests.length = 0;
  fake.exportPolls = 3;
  fake.setAssets(FOLDER_P, [
    projectAsset(SHOP),
    instanceAsset(SHOP, 'web-1'),
    projectAsset(DATA),
    // ~1.5 MB of NDJSON: lines cross the 64 KiB chunks the fake writes.
    ...Array.from({ length: 1200 }, (_, i) =>
      bucketAsset(DATA, `data-${i}`, { env: 'prod', 'data-set': `n${i}` }),
    ),
  ]);
});
afterAll(async () => {
  if (saved === undefined) delete process.env.STORAGE_EMULATOR_HOST;
  else process.env.STORAGE_EMULATOR_HOST = saved;
  await fake.stop();
});

describe('GcpCloudAssetInventory exportAssets', () => {
  it('exports a folder to GCS, polls the operation, streams the NDJSON back', async () => {
    const { inv, trace } = inventory(fake, scopes, { now });
    const snap = await inv.read();
    expect(fake.requests.map((r) => [r.api, r.method, r.path])).toEqual([
      ['exportAssets', 'POST', `/v1/${FOLDER_P}:exportAssets`],
      [
        'operations.get',
        'GET',
        expect.stringMatching(/^\/v1\/folders\/283746519203\/operations\/ExportAssets\/RESOURCE\/\w+$/),
      ],
      ['operations.get', 'GET', expect.stringMatching(/operations/)],
      ['operations.get', 'GET', expect.stringMatching(/operations/)],
      [
        'storage.read',
        'GET',
        `/storage/v1/b/acme-cai-exports/o/${URI.slice('gs://acme-cai-exports/'.length)}`,
      ],
    ]);
    expect(JSON.parse(fake.requests[0]!.body)).toEqual({
      contentType: 1,
      outputConfig: { gcsDestination: { uri: URI } },
    });
    expect(fake.requests[4]!.query.get('alt')).toBe('media');
    expect(trace.sleeps).toEqual([2000, 4000]);
    expect(snap.resources).toHaveLength(1203);
    expect(coverageRows(snap.coverage)).toEqual([
      ['gcp:acme-data-prod', 'true'],
      ['gcp:acme-shop-prod', 'true'],
    ]);
    const b = snap.resources.find((r) => r.id === '//storage.googleapis.com/data-1199')!;
    expect(b).toMatchObject({ scope: 'gcp:acme-data-prod', tags: { env: 'prod', 'data-set': 'n1199' } });
  });

  it('yields the same resources as listing the same folder', async () => {
    const exported = await inventory(fake, scopes, { now }).inv.read();
    const listed = await inventory(fake, scopes, { useExport: 'never' }).inv.read();
    expect(fake.requests.filter((r) => r.api === 'listAssets')).toHaveLength(2);
    const strip = (s: typeof listed) =>
      s.resources.map(({ source: _s, ...r }) => r).sort((a, b) => a.id.localeCompare(b.id));
    expect(strip(exported)).toEqual(strip(listed));
  });

  it('lists projects even when exportTo is set (auto), exports them with useExport always', async () => {
    fake.setAssets('projects/acme-shop-prod', [projectAsset(SHOP), instanceAsset(SHOP, 'web-1')]);
    const p = { projects: ['acme-shop-prod'], exportTo: EXPORT_TO };
    await inventory(fake, p, { now }).inv.read();
    expect(fake.requests.map((r) => r.api)).toEqual(['listAssets']);
    fake.requests.length = 0;
    const snap = await inventory(fake, p, { now, useExport: 'always' }).inv.read();
    expect(fake.requests.map((r) => r.api)).toEqual([
      'exportAssets',
      'operations.get',
      'operations.get',
      'operations.get',
      'storage.read',
    ]);
    expect(snap.coverage.map((c) => [c.scope, c.complete])).toEqual([['gcp:acme-shop-prod', true]]);
  });

  it('a failed export operation leaves the folder and its known projects incomplete', async () => {
    fake.failExport(FOLDER_P, {
      code: 7,
      message: 'The caller does not have permission to write to gs://acme-cai-exports.',
    });
    const { inv } = inventory(fake, scopes, { now, knownProjects: { [FOLDER_P]: ['acme-shop-prod'] } });
    const snap = await inv.read();
    fake.failExport(FOLDER_P, undefined as never);
    const reason = `${FOLDER_P}: export to ${URI} failed: PERMISSION_DENIED: The caller does not have permission to write to gs://acme-cai-exports.`;
    expect(coverageRows(snap.coverage)).toEqual([
      ['gcp-folder:283746519203', 'false', reason],
      ['gcp:acme-shop-prod', 'false', reason],
    ]);
    expect(fake.requests.some((r) => r.api === 'storage.read')).toBe(false);
  });

  it('stops polling an operation that does not finish in time', async () => {
    fake.exportPolls = 1000;
    const { inv, trace } = inventory(fake, scopes, { now, retry: { exportTimeoutMs: 5000 } });
    const snap = await inv.read();
    expect(trace.sleeps).toEqual([2000, 4000]);
    expect(snap.coverage[0]).toMatchObject({
      scope: 'gcp-folder:283746519203',
      complete: false,
      reason: `${FOLDER_P}: export to ${URI} not done after 6 s`,
    });
  });

  it('re-reads the export object after a 503 from storage', async () => {
    fake.inject('storage.read', FOLDER_P, [{ status: 503 }]);
    const { inv, trace } = inventory(fake, scopes, { now });
    const snap = await inv.read();
    expect(trace.calls.filter((c) => c.api === 'storage.read').map((c) => c.attempt)).toEqual([0, 1]);
    expect(snap.resources).toHaveLength(1203);
    expect(snap.coverage.every((c) => c.complete)).toBe(true);
  });
});
