import { getPath } from '../core/diff/path.ts';
import { LiveIndex } from '../core/match/live-index.ts';
import type { InventorySnapshot } from '../core/model/coverage.ts';
import type { StateResource } from '../core/model/state-resource.ts';

/** What the lifecycle asks to explain how a drift ended (fixed live, state updated, deleted). */
export interface ResolutionFacts {
  isDeclared(address: string): boolean;
  isLive(resourceId: string): boolean;
  desiredAt(address: string, path: string): unknown;
}

/** Facts from this scan's own inputs: the declared resources and the live items. */
export function resolutionFacts(
  states: readonly StateResource[],
  inventory: InventorySnapshot,
): ResolutionFacts {
  const declared = new Map<string, StateResource>();
  for (const s of states) if (s.mode === 'managed' && s.deposed === undefined) declared.set(s.address, s);
  const live = liveIds(inventory);
  return {
    isDeclared: (address) => declared.has(address),
    isLive: (id) => live.has(id),
    desiredAt: (address, path) => {
      const res = declared.get(address);
      if (!res) return undefined;
      // Manifest objects keep their body under `manifest`; report paths are relative to it.
      return res.manifestPath !== undefined
        ? getPath(res.attributes.manifest, path)
        : getPath(res.attributes, path);
    },
  };
}

/** Every identity of the live side, newest capture per resource with deletions applied, as the engine sees it. */
export function liveIds(inventory: InventorySnapshot): Set<string> {
  const live = new Set<string>();
  for (const r of new LiveIndex(inventory.resources).resources) {
    live.add(r.id);
    for (const id of r.ids) live.add(id);
  }
  return live;
}
