import { readFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { parse as parseYaml } from 'yaml';
import { type DriftwatchConfig, parseConfig } from '../core/config/index.ts';
import { UsageError } from '../core/model/errors.ts';

/** A validated driftwatch.config.yaml and the folder its relative paths start from. */
export interface LoadedConfig {
  config: DriftwatchConfig;
  /** Directory of the config file: `state`, `inventory`, `manifests`, `ignore` and `tfDir` are relative to it. */
  baseDir: string;
  file: string;
}

/** Reads and validates a config file; every problem is one UsageError naming the file and field. */
export function loadConfigFile(path: string, cwd: string): LoadedConfig {
  const file = resolve(cwd, path);
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code;
    throw new UsageError(
      code === 'ENOENT' ? 'config file not found' : `cannot read config file (${code})`,
      path,
    );
  }
  let raw: unknown;
  try {
    raw = parseYaml(text, { prettyErrors: false });
  } catch (err) {
    const message = (err as Error).message.split('\n')[0];
    throw new UsageError(`not valid YAML: ${message}`, path);
  }
  return { config: parseConfig(raw, path), baseDir: dirname(file), file };
}
