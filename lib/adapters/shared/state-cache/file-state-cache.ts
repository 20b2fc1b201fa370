import { createHash, randomBytes } from 'node:crypto';
import { chmod, mkdir, readFile, rename, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { z } from 'zod';
import { type CachedState, CachedStateSchema, type StateCache } from './state-cache.ts';

// Bumped whenever the parser's output shape changes, so older entries are ignored, not misread.
const FORMAT = 1;

const FileEntrySchema = CachedStateSchema.extend({ format: z.literal(FORMAT), key: z.string() });

/**
 * A StateCache on disk: one JSON file per object, owner-only (dir 700, files 600). Entries hold
 * parsed documents, whose sensitive values the parser already replaced by keyed hashes.
 */
export class FileStateCache implements StateCache {
  constructor(readonly dir: string) {}

  /** The file that holds `key` (a hash of it: URLs hold characters no file name may). */
  pathOf(key: string): string {
    return join(this.dir, `${createHash('sha256').update(key).digest('hex').slice(0, 40)}.json`);
  }

  async get(key: string): Promise<CachedState | undefined> {
    let text: string;
    try {
      text = await readFile(this.pathOf(key), 'utf8');
    } catch {
      return undefined; // not cached yet (or unreadable): read the object again
    }
    try {
      const entry = FileEntrySchema.parse(JSON.parse(text));
      if (entry.key !== key) return undefined;
      return { etag: entry.etag, sealedWith: entry.sealedWith, documents: entry.documents };
    } catch {
      // A torn or older entry only costs one download; it is replaced on the next write.
      return undefined;
    }
  }

  async set(key: string, entry: CachedState): Promise<void> {
    await mkdir(this.dir, { recursive: true, mode: 0o700 });
    const path = this.pathOf(key);
    const tmp = `${path}.${randomBytes(6).toString('hex')}.tmp`;
    const body = JSON.stringify({ format: FORMAT, key, ...entry });
    try {
      await writeFile(tmp, body, { mode: 0o600 });
      await chmod(tmp, 0o600); // the umask may have narrowed it further, never widened; be exact
      await rename(tmp, path); // readers see the old entry or the new one, never half of one
    } catch (err) {
      await rm(tmp, { force: true });
      throw err;
    }
  }
}
