/**
 * The esbuild settings of every driftwatch Lambda, in one place: DriftwatchFunction hands them to
 * NodejsFunction and bench/bundles.ts builds with exactly the same ones, so the measured bundle is
 * the deployed one. Plain data: lib/infra may not import esbuild.
 */

/** ESM output still meets CommonJS dependencies that call require(): give them one. */
export const ESM_REQUIRE_BANNER =
  "import { createRequire as __dwCreateRequire } from 'node:module';const require = __dwCreateRequire(import.meta.url);";

/** NodejsFunction `bundling` options (besides `define`) shared by all functions. */
export const LAMBDA_BUNDLING = {
  minify: true,
  sourceMap: true,
  sourcesContent: false,
  target: 'node22',
  format: 'esm',
  mainFields: ['module', 'main'],
  banner: ESM_REQUIRE_BANNER,
  externalModules: [] as string[],
} as const;

/** Define keys that drop code from a bundle; unset (tests, CLI) means "everything". */
export const BUNDLE_DEFINE = {
  /** The only provider whose live inventory adapter a scan shard bundles. */
  provider: 'process.env.DRIFTWATCH_BUNDLE_PROVIDER',
  /** `"off"` drops a state backend (and its SDK) from a bundle. */
  s3: 'process.env.DRIFTWATCH_BUNDLE_STATE_S3',
  azblob: 'process.env.DRIFTWATCH_BUNDLE_STATE_AZBLOB',
  gcs: 'process.env.DRIFTWATCH_BUNDLE_STATE_GCS',
  /** `"off"` drops the HCL backend discovery (`tfDir`). */
  tfDir: 'process.env.DRIFTWATCH_BUNDLE_TF_DIR',
  /** `"off"` drops the Kubernetes manifest parser (`manifests`). */
  manifests: 'process.env.DRIFTWATCH_BUNDLE_MANIFESTS',
  /** `"off"` drops the inventory export-file readers (`inventory`). */
  exports: 'process.env.DRIFTWATCH_BUNDLE_EXPORTS',
} as const;

/** A desired- or live-side input a bundle may leave out: state backends, tfDir, manifests, export files. */
export type StateBackend = 's3' | 'azblob' | 'gcs' | 'tfDir' | 'manifests' | 'exports';

/** esbuild `define` values (JSON string literals) for a bundle keeping only `keep` inputs (+ local state files). */
export function stateBackendDefine(keep: ReadonlySet<StateBackend>): Record<string, string> {
  const out: Record<string, string> = {};
  for (const b of ['s3', 'azblob', 'gcs', 'tfDir', 'manifests', 'exports'] as const)
    out[BUNDLE_DEFINE[b]] = JSON.stringify(keep.has(b) ? 'on' : 'off');
  return out;
}

/**
 * The esbuild build options NodejsFunction derives from LAMBDA_BUNDLING (see its buildEsbuildArgs:
 * --bundle --platform=node --target --format --minify --sourcemap --sources-content=false
 * --main-fields --banner:js --define), for builds outside CDK.
 */
export function esbuildOptionsFor(entry: string, outfile: string, define: Record<string, string> = {}) {
  return {
    entryPoints: [entry],
    outfile,
    bundle: true,
    platform: 'node' as const,
    target: LAMBDA_BUNDLING.target,
    format: LAMBDA_BUNDLING.format,
    minify: LAMBDA_BUNDLING.minify,
    sourcemap: LAMBDA_BUNDLING.sourceMap,
    sourcesContent: LAMBDA_BUNDLING.sourcesContent,
    mainFields: [...LAMBDA_BUNDLING.mainFields],
    banner: { js: LAMBDA_BUNDLING.banner },
    external: [...LAMBDA_BUNDLING.externalModules],
    define,
  };
}
