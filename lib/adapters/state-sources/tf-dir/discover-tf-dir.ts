import { basename, join, resolve } from 'node:path';
import {
  type BackendBlock,
  BackendConfigError,
  type BackendLocation,
  backendLocation,
  parseBackendBlocks,
  parseBackendConfigFile,
} from '../../../../state-parsers/hcl/index.ts';
import { readInitBackend } from './init-backend-state.ts';
import { loadHclParser } from './load-hcl-parser.ts';
import { type TfDirDiscovery, TfDirDiscoverySchema } from './tf-dir-discovery.ts';
import { listTfDir, readText } from './tf-files.ts';

export interface DiscoverTfDirOptions {
  /** The `-backend-config=FILE` to merge (path relative to dir), when the dir has several. */
  backendConfig?: string;
}

/** Finds the backend of a Terraform root module and maps it to a state location + workspaces. */
export async function discoverTfDir(dir: string, opts: DiscoverTfDirOptions = {}): Promise<TfDirDiscovery> {
  const hcl = loadHclParser();
  const files = await listTfDir(dir);
  const blocksOf = async (names: string[]) =>
    (
      await Promise.all(names.map(async (n) => parseBackendBlocks(await readText(dir, n), join(dir, n), hcl)))
    ).flat();
  const main = await blocksOf(files.tf);
  const overrides = await blocksOf(files.overrides);
  if (main.length > 1) {
    const where = main
      .map((b) => `${b.type} in ${basename(b.file)}${b.line ? `:${b.line}` : ''}`)
      .join(' and ');
    throw new BackendConfigError(`a root module has one backend, found ${where}`, dir);
  }
  // Override files are merged last, in lexical order: the last backend they declare wins.
  const declared = overrides.at(-1) ?? main[0];
  const block: BackendBlock = declared ?? { type: 'local', config: {}, file: dir };
  const used = declared ? [basename(declared.file)] : [];

  const configName =
    opts.backendConfig ?? (files.backendConfigs.length === 1 ? files.backendConfigs[0] : undefined);
  const partial = configName
    ? parseBackendConfigFile(await readText(dir, configName), join(dir, configName), hcl)
    : {};
  if (configName) used.push(configName);

  let where: BackendLocation;
  try {
    where = backendLocation(block, partial);
  } catch (e) {
    if (!(e instanceof BackendConfigError)) throw e;
    // Partial configuration given on the command line at init time: `.terraform` remembers it.
    const init = await readInitBackend(dir, block.type);
    if (Object.keys(init).length === 0) throw withChoice(e, files.backendConfigs, configName);
    where = backendLocation({ ...block, config: { ...init, ...block.config } }, partial);
    used.push('.terraform/terraform.tfstate');
  }
  if (!where.supported) {
    return TfDirDiscoverySchema.parse({
      dir,
      backendType: where.type,
      files: used,
      unsupported: where.reason,
    });
  }
  const local = where.type === 'local';
  const options =
    local && where.options.workspaceDir
      ? { ...where.options, workspaceDir: resolve(dir, where.options.workspaceDir) }
      : where.options;
  return TfDirDiscoverySchema.parse({
    dir,
    backendType: where.type,
    files: used,
    location: local ? resolve(dir, where.location) : where.location,
    workspaces: ['*'],
    options,
  });
}

/** When several config files could complete the backend, say so instead of guessing one. */
function withChoice(e: Error, candidates: string[], chosen: string | undefined): Error {
  if (chosen || candidates.length < 2) return e;
  return new BackendConfigError(
    `${e.message}; several backend config files (${candidates.join(', ')}): choose one with backendConfig`,
  );
}
