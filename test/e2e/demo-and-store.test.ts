import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli } from '../helpers/cli.ts';

process.env.AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED = 'true';

const AWS = ['--state', 'examples/aws/terraform.tfstate'];

describe('driftwatch demo', () => {
  it('scans the four examples into the embedded store, fixes them, and resolves every drift', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'dw-demo-'));
    const r = await runCli(['demo', '--store-dir', join(dir, '.driftwatch')]);
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('27 drifts found, 27 newly opened in the store.');
    expect(r.stdout).toContain('27 drifts resolved, 0 left.');
    expect(r.stdout).toContain('npx driftwatch serve --store-dir');
    for (const secret of [
      'Sup3r-S3cret-DB-Passw0rd!',
      'rotated-by-hand-Pa55w0rd',
      'FAKE-s3cr3t-Db-Pa55-not-real-0001',
    ]) {
      expect(r.stdout).not.toContain(secret);
    }
  });
});

describe('driftwatch scan --store', () => {
  it('opens drift once, writes nothing new for the same drift, and resolves it after the fix', async () => {
    const dir = join(mkdtempSync(join(tmpdir(), 'dw-store-')), '.driftwatch');
    const scan = (inventory: string) =>
      runCli([
        'scan',
        ...AWS,
        '--inventory',
        `examples/aws/${inventory}`,
        '--store',
        '--store-dir',
        dir,
        '--target',
        'shop',
        '--format',
        'json',
      ]);
    const first = await scan('config-snapshot.json');
    expect(first.code).toBe(2);
    expect(first.stderr).toMatch(/target shop\) in .*: 9 opened, 0 changed, 0 resolved\n$/);
    const again = await scan('config-snapshot.json');
    expect(again.stderr).toMatch(/: 0 opened, 0 changed, 0 resolved\n$/);
    const fixed = await scan('config-snapshot-fixed.json');
    expect(fixed.code).toBe(0);
    expect(fixed.stderr).toMatch(/: 0 opened, 0 changed, 9 resolved\n$/);
  });

  it('rejects a target name that is not a plain name', async () => {
    const r = await runCli([
      'scan',
      ...AWS,
      '--inventory',
      'examples/aws/config-snapshot.json',
      '--store',
      '--target',
      '../x',
    ]);
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/--target/);
  });
});
