import { spawnSync } from 'node:child_process';
import { mkdirSync, readdirSync, rmSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { pathToFileURL } from 'node:url';
import { build, type Metafile } from 'esbuild';
import { esbuildOptionsFor } from '../lib/infra/bundling-options.ts';
import { finalizeDefine, SHARD_PROVIDERS, shardDefine } from '../lib/infra/scan-shard-bundles.ts';

const ROOT = join(import.meta.dirname, '..');
const OUT = join(ROOT, '.bench', 'bundles');
const GOAL_MB = 1.5;
const MB = 1024 * 1024;

interface Variant {
  name: string;
  entry: string;
  define: Record<string, string>;
}

/**
 * Every functions/<name>/handler.ts; one scan-shard bundle per provider and two scan-finalize
 * bundles, with the defines ScannerStack derives from a config whose targets use their cloud's
 * native state backend (lib/infra/scan-shard-bundles.ts).
 */
function variants(): Variant[] {
  const out: Variant[] = [];
  for (const name of readdirSync(join(ROOT, 'functions')).sort()) {
    const entry = join(ROOT, 'functions', name, 'handler.ts');
    if (!statSync(join(ROOT, 'functions', name)).isDirectory() || !exists(entry)) continue;
    if (name === 'scan-shard') {
      for (const p of SHARD_PROVIDERS) out.push({ name: `${name}-${p}`, entry, define: shardDefine(p) });
    } else if (name === 'scan-finalize') {
      // Finalize keeps what the config names: an AWS-only config (s3), and one target per provider.
      out.push({ name: `${name}-s3`, entry, define: finalizeDefine(['s3']) });
      out.push({ name: `${name}-all`, entry, define: finalizeDefine(['s3', 'azblob', 'gcs', 'manifests']) });
    } else out.push({ name, entry, define: {} });
  }
  return out;
}

function exists(path: string): boolean {
  try {
    return statSync(path).isFile();
  } catch {
    return false;
  }
}

/** Output bytes per package (or per repo folder two levels deep), largest first. */
function contributors(meta: Metafile, outfile: string, n: number): string {
  const output = Object.entries(meta.outputs).find(([k]) => k.endsWith(outfile))?.[1];
  const by = new Map<string, number>();
  for (const [path, info] of Object.entries(output?.inputs ?? {})) {
    const nm = /node_modules\/((?:@[^/]+\/)?[^/]+)/.exec(path);
    const key = nm?.[1] ?? path.split('/').slice(0, 2).join('/');
    by.set(key, (by.get(key) ?? 0) + info.bytesInOutput);
  }
  return [...by]
    .sort((a, b) => b[1] - a[1])
    .slice(0, n)
    .map(([k, v]) => `${k} ${(v / MB).toFixed(2)}`)
    .join(', ');
}

// Handlers read no environment at import (onFirstCall); these dummies only guard a regression.
const DUMMY_ENV = {
  TABLE_NAME: 'driftwatch',
  BUCKET_NAME: 'driftwatch-scans',
  EVENT_BUS_NAME: 'driftwatch',
  DRIFTWATCH_CONFIG: '{"version":1,"targets":[]}',
  DRIFTWATCH_HASH_KEY: 'bench',
  AWS_REGION: 'us-east-1',
  AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED: 'true',
};

/** Median of 3 cold imports of a bundle, each in a fresh node process (ms). */
function coldImportMs(file: string): number {
  const url = pathToFileURL(file).href;
  const code = `const t=performance.now();await import(${JSON.stringify(url)});console.log(performance.now()-t)`;
  const times: number[] = [];
  for (let i = 0; i < 3; i++) {
    const r = spawnSync(process.execPath, ['--input-type=module', '-e', code], {
      env: { PATH: process.env.PATH ?? '', ...DUMMY_ENV },
      encoding: 'utf8',
    });
    if (r.status !== 0)
      throw new Error(`${relative(ROOT, file)} failed to import: ${r.stderr.split('\n')[0]}`);
    times.push(Number(r.stdout.trim()));
  }
  return times.sort((a, b) => a - b)[1] ?? Number.NaN;
}

/** Bundles every Lambda with the NodejsFunction settings: MB (goal ≤ 1.5), top 3 contributors, cold import. */
export async function benchBundles(): Promise<Record<string, string | number>> {
  rmSync(OUT, { recursive: true, force: true });
  mkdirSync(OUT, { recursive: true });
  const rows: Record<string, string | number> = {};
  let over = 0;
  for (const v of variants()) {
    const outfile = join(OUT, v.name, 'index.mjs');
    const result = await build({
      ...esbuildOptionsFor(v.entry, outfile, v.define),
      metafile: true,
      logLevel: 'silent',
    });
    const mb = statSync(outfile).size / MB;
    if (mb > GOAL_MB) over++;
    const ms = coldImportMs(outfile);
    rows[`${v.name} MB`] = `${mb.toFixed(2)}${mb > GOAL_MB ? ' OVER' : ''}`;
    rows[`${v.name} import ms`] = Math.round(ms);
    rows[`${v.name} top`] = contributors(result.metafile, join(v.name, 'index.mjs'), 3);
  }
  rows['bundles over the goal'] = over;
  return rows;
}
