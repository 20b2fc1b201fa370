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
  const newest = new Map<string, LiveResource>();
  for (const r of resources) {
    const key = `${r.provider}|${nativeTypeKey(r.provider, r.nativeType)}|${normalizeIdentity(r.provider, r.id)}`;
    const seen = newest.get(key);
    if (!seen || captureOrder(r) >= captureOrder(seen)) newest.set(key, r);
  }
  return [...newest.values()].filter((r) => !r.deleted);
}
