import type { StateCache } from '../adapters/shared/state-cache/index.ts';
import type { StateSourceConfig } from '../core/config/index.ts';
import { UsageError } from '../core/model/errors.ts';
import type { SensitiveHasher } from '../core/model/sensitive.ts';
import type { StateSource } from '../core/ports/state-source.ts';

/*
 * A Lambda bundle keeps only the state backends its config names: lib/infra/bundling-options.ts
 * defines these as "off" for the others. esbuild drops an `import()` only inside an `if` whose
 * condition folds to false while parsing, so each backend's import sits in such a branch, and
 * its SDK stays out of the bundle. esbuild folds only the defined expression itself, not a
 * variable holding it, so each test names it in place. Unset (CLI, tests) every backend is available.
 */

type StateSourceOptions = Exclude<StateSourceConfig, string>['options'];

interface Common {
  hasher: SensitiveHasher;
  workspaces: string[];
  cache: StateCache;
}

/** The remote state source of an s3://, azblob:// or gs:// location; undefined for a local path. */
export async function remoteStateSource(
  location: string,
  options: StateSourceOptions,
  common: Common,
): Promise<StateSource | undefined> {
  if (/^s3:\/\//i.test(location)) {
    if (process.env.DRIFTWATCH_BUNDLE_STATE_S3 !== 'off') {
      const { createS3Client, S3StateSource } = await import('../adapters/state-sources/s3/index.ts');
      const client = createS3Client({
        ...(options.region ? { region: options.region } : {}),
        ...(options.endpoint ? { endpoint: options.endpoint } : {}),
      });
      return new S3StateSource(location, {
        ...common,
        client,
        ...(options.region ? { region: options.region } : {}),
        ...(options.workspaceKeyPrefix ? { workspaceKeyPrefix: options.workspaceKeyPrefix } : {}),
      });
    }
    return notBundled('s3://');
  }
  if (/^azblob:\/\//i.test(location)) {
    if (process.env.DRIFTWATCH_BUNDLE_STATE_AZBLOB !== 'off') {
      const { AzureBlobStateSource } = await import('../adapters/state-sources/azure-blob/index.ts');
      return new AzureBlobStateSource(location, common);
    }
    return notBundled('azblob://');
  }
  if (/^gs:\/\//i.test(location)) {
    if (process.env.DRIFTWATCH_BUNDLE_STATE_GCS !== 'off') {
      const { GcsStateSource } = await import('../adapters/state-sources/gcs/index.ts');
      return new GcsStateSource(location, common);
    }
    return notBundled('gs://');
  }
  return undefined;
}

/** A backend (or tfDir discovery) the config did not name when this function was bundled. */
export function notBundled(what: string): never {
  throw new UsageError(`${what} is not bundled into this function: deploy again with a config that names it`);
}
