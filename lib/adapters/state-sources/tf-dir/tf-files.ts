import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { UsageError } from '../../../core/model/errors.ts';

export interface TfDirFiles {
  /** `*.tf` files, lexical order (Terraform's), override files apart. */
  tf: string[];
  /** `override.tf` / `*_override.tf`: their backend replaces the main one. */
  overrides: string[];
  /** `-backend-config=FILE` candidates: `*.tfbackend` and `backend.hcl`. */
  backendConfigs: string[];
}

const isOverride = (n: string) => n === 'override.tf' || n.endsWith('_override.tf');

/** Lists the Terraform files of one root module directory (not recursive: modules/ are not roots). */
export async function listTfDir(dir: string): Promise<TfDirFiles> {
  let names: string[];
  try {
    const entries = await readdir(dir, { withFileTypes: true });
    names = entries.filter((e) => e.isFile()).map((e) => e.name);
  } catch {
    throw new UsageError('not a readable directory', dir);
  }
  names.sort();
  const tf = names.filter((n) => n.endsWith('.tf'));
  return {
    tf: tf.filter((n) => !isOverride(n)),
    overrides: tf.filter(isOverride),
    backendConfigs: names.filter((n) => n.endsWith('.tfbackend') || n === 'backend.hcl'),
  };
}

/** Reads a file of the directory as UTF-8 text. */
export async function readText(dir: string, name: string): Promise<string> {
  try {
    return await readFile(join(dir, name), 'utf8');
  } catch {
    throw new UsageError('cannot read file', join(dir, name));
  }
}
