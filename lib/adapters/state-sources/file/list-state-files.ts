import { readdir } from 'node:fs/promises';
import { join } from 'node:path';

// Folders that never hold state worth scanning: provider plugins and module caches (.terraform),
// dependencies, VCS data. Workspace states (terraform.tfstate.d/<ws>/terraform.tfstate) are kept.
const SKIP_DIRS = new Set(['node_modules', '.terraform', '.git']);

/** Every `*.tfstate` file below `dir` (not `*.tfstate.backup`), sorted, as paths joined onto `dir`. */
export async function listStateFiles(dir: string): Promise<string[]> {
  const out: string[] = [];
  const walk = async (abs: string): Promise<void> => {
    const entries = await readdir(abs, { withFileTypes: true });
    for (const e of entries) {
      const path = join(abs, e.name);
      if (e.isDirectory()) {
        if (!SKIP_DIRS.has(e.name)) await walk(path);
      } else if (e.isFile() && e.name.endsWith('.tfstate')) out.push(path);
    }
  };
  await walk(dir);
  return out.sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
}
