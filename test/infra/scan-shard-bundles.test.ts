import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { App, Stack } from 'aws-cdk-lib';
import { build } from 'esbuild';
import { afterAll, describe, expect, it } from 'vitest';
import { REPO_ROOT } from '../../bin/driftwatch-app.ts';
import { parseConfig } from '../../lib/core/config/index.ts';
import { esbuildOptionsFor } from '../../lib/infra/bundling-options.ts';
import { DriftwatchFunction } from '../../lib/infra/driftwatch-function.ts';
import {
  finalizeDefine,
  shardBackendsFromConfig,
  shardDefine,
  shardFunctionName,
} from '../../lib/infra/scan-shard-bundles.ts';
import { liveInventory } from '../../lib/runtime/live-inventory.ts';
import { stateSourcesFor } from '../../lib/runtime/state-sources.ts';
import { loadTargetDesired } from '../../lib/runtime/target-desired.ts';
import { nagFindings, stateMachineDefinition, synthApp } from './synth.ts';

// One target per provider; the Kubernetes one keeps its Terraform state in S3 and discovers more via tfDir.
const config = parseConfig(
  {
    version: 1,
    targets: [
      { name: 'a', provider: 'aws', state: ['s3://b/a.tfstate'], inventory: ['a.json'] },
      { name: 'z', provider: 'azure', state: ['azblob://acct/c/z.tfstate'], inventory: ['z.json'] },
      { name: 'g', provider: 'gcp', state: ['states/g.tfstate'], inventory: ['g.json'] },
      {
        name: 'k',
        provider: 'kubernetes',
        state: [{ location: 's3://b/k.tfstate' }],
        tfDir: 'infra/k',
        inventory: ['k.json'],
      },
    ],
  },
  'test config',
);

const out = mkdtempSync(join(tmpdir(), 'dw-bundles-'));
afterAll(() => rmSync(out, { recursive: true, force: true }));

/** The repository files and packages an esbuild bundle (NodejsFunction settings) pulls in. */
async function bundleInputs(entry: string, define: Record<string, string>): Promise<string[]> {
  const name = Object.values(define).join('-').replace(/\W+/g, '') || 'plain';
  const r = await build({
    ...esbuildOptionsFor(join(REPO_ROOT, entry), join(out, name, 'index.mjs'), define),
    metafile: true,
    logLevel: 'silent',
  });
  return Object.keys(r.metafile.inputs);
}
const has = (inputs: string[], part: string) => inputs.some((p) => p.includes(part));

describe('scan shard bundles per provider', () => {
  it('reads the providers and the state backends each names from the config', () => {
    const backends = shardBackendsFromConfig(JSON.stringify(config));
    expect([...backends].map(([p, b]) => [p, [...b].sort()])).toEqual([
      ['aws', ['exports', 's3']],
      ['azure', ['azblob', 'exports']],
      ['gcp', ['exports']],
      ['kubernetes', ['exports', 's3', 'tfDir']],
    ]);
    expect(shardDefine('kubernetes', backends.get('kubernetes'))).toEqual({
      'process.env.DRIFTWATCH_BUNDLE_PROVIDER': '"kubernetes"',
      'process.env.DRIFTWATCH_BUNDLE_STATE_S3': '"on"',
      'process.env.DRIFTWATCH_BUNDLE_STATE_AZBLOB': '"off"',
      'process.env.DRIFTWATCH_BUNDLE_STATE_GCS': '"off"',
      'process.env.DRIFTWATCH_BUNDLE_TF_DIR': '"on"',
      'process.env.DRIFTWATCH_BUNDLE_MANIFESTS': '"on"',
      'process.env.DRIFTWATCH_BUNDLE_EXPORTS': '"on"',
    });
    // The native backend comes along even when the config names none.
    expect(shardDefine('gcp', [])['process.env.DRIFTWATCH_BUNDLE_STATE_GCS']).toBe('"on"');
  });

  it('builds one shard function per provider and routes each manifest line by its provider', () => {
    const { templates, stacks } = synthApp(config, { dashboard: false });
    const asl = stateMachineDefinition(templates.scanner, 'Scan');
    const processor = asl.States.Shards.ItemProcessor;
    const providers = ['aws', 'azure', 'gcp', 'kubernetes'];
    expect(processor.States.ShardProvider.Choices).toEqual(
      providers.map((p) => ({ Variable: '$.shard.provider', StringEquals: p, Next: shardFunctionName(p) })),
    );
    for (const p of providers) {
      const task = processor.States[shardFunctionName(p)];
      expect(task.Resource).toBe(`arn:aws:lambda:us-east-1:123456789012:function:${shardFunctionName(p)}`);
      expect(task.InputPath).toBe('$.shard');
      expect(task.Retry[0].MaxAttempts).toBe(3);
      expect(task.Catch).toEqual([
        { ErrorEquals: ['States.ALL'], ResultPath: '$.error', Next: 'ShardFailed' },
      ]);
    }
    // Plan, four shards, finalize.
    expect(Object.keys(templates.scanner.findResources('AWS::Lambda::Function'))).toHaveLength(6);
    expect(nagFindings(stacks.scanner)).toEqual([]);
  });

  it('leaves the other providers and unnamed backends out of a shard bundle', async () => {
    const inputs = await bundleInputs(
      'functions/scan-shard/handler.ts',
      shardDefine('kubernetes', ['s3', 'tfDir']),
    );
    expect(has(inputs, 'lib/adapters/inventory/kubernetes/')).toBe(true);
    expect(has(inputs, 'lib/adapters/state-sources/s3/')).toBe(true);
    expect(has(inputs, 'lib/adapters/state-sources/tf-dir/')).toBe(true);
    expect(has(inputs, 'lib/adapters/state-sources/manifests/')).toBe(true);
    for (const gone of [
      'lib/adapters/inventory/aws/',
      'lib/adapters/inventory/azure-resource-graph/',
      'lib/adapters/inventory/gcp-cloud-asset/',
      'lib/adapters/state-sources/azure-blob/',
      'lib/adapters/state-sources/gcs/',
      'lib/adapters/inventory/snapshot-files/',
      'node_modules/@google-cloud/',
      'node_modules/@azure/',
    ])
      expect([gone, has(inputs, gone)]).toEqual([gone, false]);
  }, 60_000);

  it('bundles no inventory adapter into Finalize, and only the configured backends', async () => {
    const inputs = await bundleInputs('functions/scan-finalize/handler.ts', finalizeDefine(['s3']));
    expect(has(inputs, 'lib/adapters/state-sources/s3/')).toBe(true);
    for (const gone of [
      'lib/adapters/inventory/',
      'lib/adapters/state-sources/azure-blob/',
      'lib/adapters/state-sources/manifests/',
      'tf-dir/',
      'node_modules/yaml/',
    ])
      expect([gone, has(inputs, gone)]).toEqual([gone, false]);
  }, 60_000);

  it('passes the defines through NodejsFunction (the deployed bundle, not only the bench)', () => {
    const app = new App({ outdir: join(out, 'cdk') });
    new DriftwatchFunction(new Stack(app, 'Bundle'), 'ScanShardAws', {
      name: 'ScanShardAws',
      entry: 'functions/scan-shard/handler.ts',
      repoRoot: REPO_ROOT,
      bundle: true,
      environment: {},
      define: shardDefine('aws'),
    });
    app.synth();
    const assetDir = readdirSync(app.outdir).find((d) => d.startsWith('asset.'))!;
    const code = readFileSync(join(app.outdir, assetDir, 'index.mjs'), 'utf8');
    expect(code).toContain('this scan shard function serves aws targets only');
    expect(code).not.toContain('DRIFTWATCH_BUNDLE_PROVIDER');
    expect(code).not.toContain('google.cloud.asset.v1');
    expect(code).not.toContain('management.azure.com');
  }, 120_000);

  it('fails in one line when a cut backend or another provider reaches a bundle', async () => {
    // Unbundled, the define keys are plain environment variables: set them as a bundle would.
    process.env.DRIFTWATCH_BUNDLE_STATE_AZBLOB = 'off';
    process.env.DRIFTWATCH_BUNDLE_PROVIDER = 'gcp';
    process.env.DRIFTWATCH_BUNDLE_MANIFESTS = 'off';
    try {
      const ctx = { cwd: REPO_ROOT, hasher: (v: string) => v, env: {} };
      await expect(stateSourcesFor('azblob://acct/c/z.tfstate', ctx)).rejects.toThrow(
        'azblob:// is not bundled into this function: deploy again with a config that names it',
      );
      const aws = config.targets[0]!;
      const line = { shardId: 'a--x', target: 'a', provider: 'aws' as const, scope: 'aws:1:eu-west-1' };
      await expect(liveInventory(aws, line).read()).rejects.toThrow(
        'a: this scan shard function serves gcp targets only; aws shards go to their own',
      );
      await expect(loadTargetDesired({ ...aws, state: [], manifests: ['m'] }, ctx)).rejects.toThrow(
        'the Kubernetes manifest parser is not bundled into this function: deploy again with a config that names it',
      );
    } finally {
      delete process.env.DRIFTWATCH_BUNDLE_MANIFESTS;
      delete process.env.DRIFTWATCH_BUNDLE_STATE_AZBLOB;
      delete process.env.DRIFTWATCH_BUNDLE_PROVIDER;
    }
  });
});
