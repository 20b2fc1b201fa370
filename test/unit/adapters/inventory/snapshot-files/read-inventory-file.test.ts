import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import {
  readInventoryFile,
  SnapshotFileInventory,
} from '../../../../../lib/adapters/inventory/snapshot-files/index.ts';
import { FIXTURES, loadFixture } from './fixtures.ts';

const SNAPSHOT =
  'aws/config-snapshot-s3/123456789012_Config_eu-west-1_ConfigSnapshot_20240612T061500Z_0c6f2e1a.json';
const tmp = () => mkdtempSync(join(tmpdir(), 'dw-inv-'));

describe('readInventoryFile', () => {
  it('reads a file the same way as its text, with the path as source', async () => {
    const path = join(FIXTURES, 'gcp/export-assets/export-assets.ndjson');
    const snap = await readInventoryFile(path);
    const fromText = loadFixture('gcp/export-assets/export-assets.ndjson');
    expect(snap.resources.map((r) => ({ ...r, source: '' }))).toEqual(
      fromText.resources.map((r) => ({ ...r, source: '' })),
    );
    expect(snap.resources[0]?.source).toBe(path);
  });

  it('reads the .json.gz files AWS Config delivers to S3', async () => {
    const path = join(tmp(), 'snapshot.json.gz');
    writeFileSync(path, gzipSync(readFileSync(join(FIXTURES, SNAPSHOT))));
    const snap = await readInventoryFile(path);
    expect(snap.resources).toHaveLength(5);
  });

  it('reads UTF-16 output of a PowerShell redirect', async () => {
    const path = join(tmp(), 'az.json');
    const text = readFileSync(join(FIXTURES, 'azure/resource-list/az-resource-list.json'), 'utf8');
    writeFileSync(path, Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(text, 'utf16le')]));
    expect((await readInventoryFile(path)).resources).toHaveLength(7);
  });

  it('names the line of a broken NDJSON record', async () => {
    const path = join(tmp(), 'assets.ndjson');
    const line = JSON.stringify({
      name: '//storage.googleapis.com/b',
      asset_type: 'storage.googleapis.com/Bucket',
    });
    writeFileSync(path, `${line}\n${line}\n{"name":\n`);
    await expect(readInventoryFile(path)).rejects.toThrow(/assets\.ndjson: line 3: invalid JSON/);
  });

  it('fails with one line for a missing file', async () => {
    await expect(readInventoryFile('/nonexistent/inv.json')).rejects.toThrow(
      '/nonexistent/inv.json: no such file',
    );
  });

  it('SnapshotFileInventory concatenates several files', async () => {
    const inv = new SnapshotFileInventory(
      [join(FIXTURES, SNAPSHOT), join(FIXTURES, 'kubernetes/kubectl-get-list/kubectl-get-all.json')],
      { cluster: 'prod' },
    );
    const snap = await inv.read();
    expect(snap.resources).toHaveLength(12);
    expect(snap.coverage.map((c) => c.scope)).toEqual([
      'aws:123456789012:eu-west-1',
      'aws:123456789012:global',
      'kubernetes:prod',
    ]);
  });
});
