import { readdir } from 'node:fs/promises';
import { join } from 'node:path';
import { discoverTfDir } from './discover-tf-dir.ts';
import type { TfDirDiscovery } from './tf-dir-discovery.ts';
import { listTfDir, readText } from './tf-files.ts';

/** Folders never holding root modules: child modules, Terraform's cache, VCS and tool dirs. */
const SKIP = (name: string) => name.startsWith('.') || name === 'modules' || name === 'node_modules';
/** A `terraform {` block with a `backend "…"` or `cloud {` in it, by text: no parse to rule a dir out. */
const DECLARES_BACKEND = /^\s*terraform\s*\{[\s\S]*?^\s*(backend\s+"|cloud\s*\{)/m;

/**
 * Finds the root modules under `root` (itself included, `maxDepth` levels down) and their backends.
 * A folder counts when one of its .tf files declares a backend or cloud block: a root module on
 * the implicit local backend cannot be told from a child module, pass it to discoverTfDir instead.
 */
export async function discoverTfDirs(root: string, maxDepth = 4): Promise<TfDirDiscovery[]> {
  const found: TfDirDiscovery[] = [];
  const walk = async (dir: string, depth: number): Promise<void> => {
    const { tf, overrides } = await listTfDir(dir);
    const texts = await Promise.all([...tf, ...overrides].map((n) => readText(dir, n)));
    if (texts.some((t) => DECLARES_BACKEND.test(t))) {
      const d = await discoverTfDir(dir);
      if (d.files.length > 0) found.push(d); // the text test matched, the parse found no backend
    }
    if (depth >= maxDepth) return;
    const subdirs = (await readdir(dir, { withFileTypes: true }))
      .filter((e) => e.isDirectory() && !SKIP(e.name))
      .map((e) => e.name)
      .sort();
    for (const name of subdirs) await walk(join(dir, name), depth + 1);
  };
  await walk(root, 0);
  return found;
}
