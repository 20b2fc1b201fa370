import { readdir, stat } from 'node:fs/promises';
import { join } from 'node:path';

// Folders that never hold state worth scanning: provider plugins and module caches (.terraform, whose
// own terraform.tfstate is the backend settings file, not a state), dependencies, VCS data.
// Workspace states (terraform.tfstate.d/<ws>/terraform.tfstate) are kept; `*.tfstate.backup` and
// timestamped `terraform.tfstate.<unix>.backup` files do not end in `.tfstate` and are left out.
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
      } else if (
        e.name.endsWith('.tfstate') &&
        (e.isFile() || (e.isSymbolicLink() && (await isFile(path))))
      ) {
        out.push(path); // a symlinked state (`terraform.tfstate -> ../shared/prod.tfstate`) counts too
      }
    }
  };
  await walk(dir);
  return out.sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
}

async function isFile(path: string): Promise<boolean> {
  return stat(path).then(
    (s) => s.isFile(),
    () => false, // a dangling link holds no state
  );
}
