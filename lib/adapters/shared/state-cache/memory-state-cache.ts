import type { CachedState, StateCache } from './state-cache.ts';

/** A StateCache in this process only: the same source object re-read in a long-running process. */
export class MemoryStateCache implements StateCache {
  private readonly entries = new Map<string, CachedState>();

  async get(key: string): Promise<CachedState | undefined> {
    return this.entries.get(key);
  }

  async set(key: string, entry: CachedState): Promise<void> {
    this.entries.set(key, entry);
  }

  /** Number of cached objects. */
  get size(): number {
    return this.entries.size;
  }
}
