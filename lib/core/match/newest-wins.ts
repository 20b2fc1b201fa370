import { nativeTypeKey } from '../mapping/registry.ts';
import { normalizeIdentity } from '../model/identity.ts';
import type { LiveResource } from '../model/live-resource.ts';

function captureOrder(r: LiveResource): number {
  if (!r.capturedAt) return Number.NEGATIVE_INFINITY;
  const t = Date.parse(r.capturedAt);
  return Number.isNaN(t) ? Number.NEGATIVE_INFINITY : t;
}

/**
 * Rule *newest wins*: an export may hold several configuration items of one resource (history
 * pages, overlapping files). The newest capture is the live state; when the newest says the
 * resource was deleted, the resource is gone. Ties keep the later item in input order.
 */
export function newestPerResource(resources: readonly LiveResource[]): LiveResource[] {
  // Nested maps keyed by existing strings: no per-item key building on this hot path.
  const byProvider = new Map<string, Map<string, Map<string, LiveResource>>>();
  for (const r of resources) {
    let byType = byProvider.get(r.provider);
    if (!byType) {
      byType = new Map();
      byProvider.set(r.provider, byType);
    }
    let byId = byType.get(r.nativeType);
    if (!byId) {
      // Azure types differ only in case between exports: share one map per case-folded type.
      const key = nativeTypeKey(r.provider, r.nativeType);
      byId = [...byType.entries()].find(([t]) => nativeTypeKey(r.provider, t) === key)?.[1] ?? new Map();
      byType.set(r.nativeType, byId);
    }
    const id = normalizeIdentity(r.provider, r.id);
    const seen = byId.get(id);
    if (!seen || captureOrder(r) >= captureOrder(seen)) byId.set(id, r);
  }
  const out: LiveResource[] = [];
  const done = new Set<Map<string, LiveResource>>();
  for (const byType of byProvider.values()) {
    for (const byId of byType.values()) {
      if (done.has(byId)) continue;
      done.add(byId);
      for (const r of byId.values()) if (!r.deleted) out.push(r);
    }
  }
  return out;
}
