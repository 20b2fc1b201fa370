import { spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

// The real launcher, as `npx driftwatch` runs it: no build step, TypeScript through tsx.
function driftwatch(args: string[]) {
  const r = spawnSync(process.execPath, ['bin/driftwatch.js', ...args], {
    encoding: 'utf8',
    env: { ...process.env, NO_COLOR: '1' },
  });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

describe('bin/driftwatch.js', () => {
  it('prints usage', () => {
    const r = driftwatch(['--help']);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('driftwatch scan --state <source>');
  });

  it('exits 2 with a JSON report when drift is found (stdout not a terminal)', () => {
    const r = driftwatch([
      'scan',
      '--state',
      'examples/aws/terraform.tfstate',
      '--inventory',
      'examples/aws/config-snapshot.json',
    ]);
    expect(r.code).toBe(2);
    expect(JSON.parse(r.stdout).version).toBe(1);
  });

  it.each([
    [
      ['scan', '--state', 'nope.tfstate', '--inventory', 'examples/aws/config-snapshot.json'],
      /nope\.tfstate/,
    ],
    [['scan', '--inventory', 'examples/aws/config-snapshot.json'], /--state/],
    [
      [
        'scan',
        '--state',
        'examples/aws/terraform.tfstate',
        '--inventory',
        'examples/aws/config-snapshot.json',
        '--format',
        'xml',
      ],
      /--format/,
    ],
    [['scan', '--bogus'], /bogus/],
    [['frobnicate'], /unknown command/],
  ])('fails with one clear line and exit 1: %j', (args, pattern) => {
    const r = driftwatch(args);
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(pattern);
    expect(r.stderr.trim().split('\n')).toHaveLength(1);
    expect(r.stderr).not.toMatch(/\n\s+at /);
  });

  it('names the file when a state is not valid', () => {
    const dir = mkdtempSync(join(tmpdir(), 'dw-'));
    const bad = join(dir, 'broken.tfstate');
    writeFileSync(bad, '{"version": 1, "serial": 3, "modules": []}');
    const r = driftwatch(['scan', '--state', bad, '--inventory', 'examples/aws/config-snapshot.json']);
    expect(r.code).toBe(1);
    expect(r.stderr).toContain('broken.tfstate');
    expect(r.stderr.trim().split('\n')).toHaveLength(1);
  });
});
