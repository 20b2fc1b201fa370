import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { build } from 'esbuild';
import { afterAll, describe, expect, it } from 'vitest';
import { esbuildOptionsFor } from '../../../../lib/infra/bundling-options.ts';
import { type ShardProvider, shardDefine } from '../../../../lib/infra/scan-shard-bundles.ts';
import {
  TYPE_MAP_AWS,
  TYPE_MAP_AZURE,
  TYPE_MAP_GCP,
  TYPE_MAP_KUBERNETES,
} from '../../../../lib/mappings/generated/type-map.ts';

const ROOT = join(import.meta.dirname, '..', '..', '..', '..');
const ENTRY = join(ROOT, 'functions', 'scan-shard', 'handler.ts');
const out = mkdtempSync(join(tmpdir(), 'dw-bundle-split-'));
afterAll(() => rmSync(out, { recursive: true, force: true }));

/** The scan-shard bundle of one provider, built exactly as bench/bundles.ts and NodejsFunction build it. */
async function shardBundle(provider: ShardProvider) {
  const outfile = join(out, provider, 'index.mjs');
  const result = await build({
    ...esbuildOptionsFor(ENTRY, outfile, shardDefine(provider)),
    sourcemap: false,
    metafile: true,
    logLevel: 'silent',
  });
  const inputs = Object.values(result.metafile.outputs).find((o) => o.entryPoint)?.inputs ?? {};
  const bytesOf = (file: string) =>
    Object.entries(inputs).find(([k]) => k.endsWith(`lib/mappings/generated/${file}`))?.[1].bytesInOutput ??
    0;
  return { code: readFileSync(outfile, 'utf8'), bytesOf };
}

// Minified, a generated row is `["<provider>","<prefix>_<terraform type>","<native type>","<inventory>"]`
// (the underscore keeps the provider enum `["aws","azure","gcp","kubernetes"]` out of the count).
const rowsIn = (code: string, provider: string) =>
  code.match(new RegExp(`\\["${provider}","[a-z0-9]+_[a-z0-9_]+","[^"]+","[^"]+"\\]`, 'g'))?.length ?? 0;

describe('per-provider type map in scan-shard bundles', () => {
  it('the aws shard keeps every aws row and no azure, gcp or kubernetes row', async () => {
    const { code, bytesOf } = await shardBundle('aws');
    expect(TYPE_MAP_AWS.length).toBe(1835);
    expect(rowsIn(code, 'aws')).toBe(1835);
    expect([rowsIn(code, 'azure'), rowsIn(code, 'gcp'), rowsIn(code, 'kubernetes')]).toEqual([0, 0, 0]);
    // Generated-only types (no hand-written mapping names them): absent from the bundle text.
    expect(code).toContain('"aws_accessanalyzer_analyzer"');
    expect(code).not.toContain('azurerm_aadb2c_directory');
    expect(code).not.toContain('google_access_context_manager_access_policy');
    expect(code).not.toContain('Microsoft.AAD/domainServices');
    // What is left of a dropped module is its lazy-init stub (a few bytes), never its rows.
    for (const file of ['type-map-azure.ts', 'type-map-gcp.ts', 'type-map-kubernetes.ts'])
      expect([file, bytesOf(file) < 64]).toEqual([file, true]);
    expect(bytesOf('type-map-aws.ts')).toBeGreaterThan(100_000);
  }, 15_000);

  const SLICES = {
    aws: TYPE_MAP_AWS,
    azure: TYPE_MAP_AZURE,
    gcp: TYPE_MAP_GCP,
    kubernetes: TYPE_MAP_KUBERNETES,
  };
  it.each(['azure', 'gcp', 'kubernetes'] as const)(
    'the %s shard keeps only its own rows',
    async (provider) => {
      const { code } = await shardBundle(provider);
      const counts = Object.fromEntries(Object.keys(SLICES).map((p) => [p, rowsIn(code, p)]));
      const expected = { aws: 0, azure: 0, gcp: 0, kubernetes: 0, [provider]: SLICES[provider].length };
      expect(counts).toEqual(expected);
      expect(SLICES[provider].length).toBe({ azure: 1117, gcp: 576, kubernetes: 90 }[provider]);
    },
    15_000,
  );
});
