import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { runCli } from '../../../helpers/cli.ts';

const CONFIG = 'test/fixtures/config/examples-offline.yaml';
const tmp = mkdtempSync(join(tmpdir(), 'dw-config-'));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

async function scanJson(args: string[]) {
  const r = await runCli(['scan', ...args, '--format', 'json']);
  return { ...r, report: r.stdout ? JSON.parse(r.stdout) : undefined };
}

describe('driftwatch scan --config', () => {
  it('scans every target of the file and prints one report with all their drift', async () => {
    const all = await scanJson(['--config', CONFIG]);
    expect(all.stderr).toBe('');
    expect(all.code).toBe(2);
    const perTarget = await Promise.all(
      [
        ['examples/aws/terraform.tfstate', 'examples/aws/config-snapshot.json'],
        ['examples/azure/terraform.tfstate', 'examples/azure/resource-graph.json'],
        ['examples/gcp/terraform.tfstate', 'examples/gcp/cloud-asset.json'],
      ].map(([s, i]) => scanJson(['--state', s as string, '--inventory', i as string])),
    );
    const k8s = await scanJson([
      '--state',
      'examples/kubernetes/terraform.tfstate',
      '--manifests',
      'examples/kubernetes/manifests',
      '--inventory',
      'examples/kubernetes/cluster.json',
    ]);
    const expected = [...perTarget, k8s].reduce((n, r) => n + r.report.drifts.length, 0);
    expect(expected).toBeGreaterThan(20);
    expect(all.report.drifts).toHaveLength(expected);
    expect(all.report.summary.changed).toBe(
      [...perTarget, k8s].reduce((n, r) => n + r.report.summary.changed, 0),
    );
  });

  it('--target picks one target of the file', async () => {
    const aws = await scanJson(['--config', CONFIG, '--target', 'example-aws']);
    expect(aws.code).toBe(2);
    expect(new Set(aws.report.drifts.map((d: { provider: string }) => d.provider))).toEqual(new Set(['aws']));
    const unknown = await runCli(['scan', '--config', CONFIG, '--target', 'nope']);
    expect(unknown.code).toBe(1);
    expect(unknown.stderr).toContain(
      'no target "nope" in the config (known: example-aws, example-azure, example-gcp, example-kubernetes)',
    );
  });

  it('records one scan per target in the store', async () => {
    const r = await runCli([
      'scan',
      '--config',
      CONFIG,
      '--store',
      '--store-dir',
      join(tmp, 'store'),
      '--format',
      'json',
    ]);
    expect(r.code).toBe(2);
    const lines = r.stderr.trim().split('\n');
    expect(lines).toHaveLength(4);
    expect(lines.map((l) => /\(target ([a-z-]+)\)/.exec(l)?.[1])).toEqual([
      'example-aws',
      'example-azure',
      'example-gcp',
      'example-kubernetes',
    ]);
  }, 60_000);

  it.each([
    ['missing.yaml', null, 'missing.yaml: config file not found'],
    ['bad.yaml', 'version: 1\ntargets: [\n', 'bad.yaml: not valid YAML'],
    ['wrong.yaml', 'version: 2\ntargets: []\n', 'wrong.yaml: version: Invalid input: expected 1'],
  ])('a bad config file is one line on stderr, exit 1 (%s)', async (name, text, message) => {
    const path = join(tmp, name);
    if (text !== null) writeFileSync(path, text);
    const r = await runCli(['scan', '--config', path]);
    expect(r.code).toBe(1);
    expect(r.stdout).toBe('');
    expect(r.stderr.trim().split('\n')).toHaveLength(1);
    expect(r.stderr).toContain(message.replace(name, path));
  });

  it('refuses --config mixed with --state', async () => {
    const r = await runCli(['scan', '--config', CONFIG, '--state', 'x.tfstate']);
    expect(r.code).toBe(1);
    expect(r.stderr).toContain('--config takes its state and inventory from the file');
  });
});
