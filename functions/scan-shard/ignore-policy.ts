import { readFile } from 'node:fs/promises';
import { resolve } from 'node:path';
import type { IgnorePolicy } from '../../lib/core/engine/index.ts';
import { filterChanges, isIgnored, parseIgnoreFile } from '../../lib/core/ignore/index.ts';

/** The config's global .driftignore plus the target's own, as one policy (none when neither is set). */
export async function loadIgnorePolicy(
  files: readonly (string | undefined)[],
  cwd: string,
): Promise<IgnorePolicy | undefined> {
  const paths = files.filter((f): f is string => f !== undefined);
  if (paths.length === 0) return undefined;
  const parsed = await Promise.all(
    paths.map(async (p) => parseIgnoreFile(await readFile(resolve(cwd, p), 'utf8'), p)),
  );
  const rules = { source: paths.join(', '), rules: parsed.flatMap((r) => r.rules) };
  return {
    isIgnored: (d, tfTypes) => isIgnored(rules, d, tfTypes),
    filterChanges: (d, changes) => filterChanges(rules, d, changes),
  };
}
