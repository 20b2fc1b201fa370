import type { DriftStore, LifecycleWrite } from '../../lib/core/ports/drift-store.ts';

/**
 * A store that remembers the lifecycle writes that landed, so events are published for exactly
 * those. `apply` may fail part-way (a conflict on one record after others were written); the
 * writes of a failed call are checked against the store afterwards (`confirmed`).
 */
export class RecordingStore {
  private readonly landed: LifecycleWrite[] = [];
  private readonly uncertain: LifecycleWrite[] = [];
  readonly store: DriftStore;

  constructor(inner: DriftStore) {
    this.store = new Proxy(inner, {
      get: (target, prop, receiver) => {
        if (prop !== 'apply') {
          const v = Reflect.get(target, prop, receiver);
          return typeof v === 'function' ? v.bind(target) : v;
        }
        return async (writes: readonly LifecycleWrite[]) => {
          try {
            await target.apply(writes);
            this.landed.push(...writes);
          } catch (err) {
            this.uncertain.push(...writes);
            throw err;
          }
        };
      },
    });
  }

  /** Every write that is in the store now: the successful calls', plus those of failed calls the store holds. */
  async confirmed(scanId: string): Promise<LifecycleWrite[]> {
    const done = new Set(this.landed.map((w) => `${w.record.id}@${w.record.version}`));
    const open = this.uncertain.filter((w) => !done.has(`${w.record.id}@${w.record.version}`));
    if (open.length === 0) return [...this.landed];
    const stored = new Map(
      (await this.store.getMany([...new Set(open.map((w) => w.record.id))])).map((r) => [r.id, r]),
    );
    const extra = open.filter((w) => {
      const r = stored.get(w.record.id);
      return r !== undefined && r.lastScanId === scanId && r.version === w.record.version;
    });
    // A record written in a failed attempt and again in a later one appears once, at its latest version.
    const all = [...extra, ...this.landed];
    const latest = new Map<string, LifecycleWrite>();
    for (const w of all) {
      const seen = latest.get(w.record.id);
      if (!seen || w.record.version > seen.record.version) latest.set(w.record.id, w);
    }
    return all.filter((w) => latest.get(w.record.id) === w);
  }
}
