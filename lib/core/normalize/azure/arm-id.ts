import type { Normalizer } from '../../mapping/types.ts';
import { normalizeIdentity } from '../../model/identity.ts';

function canon(v: unknown): unknown {
  return typeof v === 'string' && v.startsWith('/') ? normalizeIdentity('azure', v) : v;
}

/**
 * ARM ids in references (subnet ids, NSG ids) are case-insensitive: ARM itself returns
 * `resourceGroups` or `resourcegroups` depending on the API. Lower-cased, trailing slash dropped.
 */
export const armId: Normalizer = {
  name: 'arm-id',
  apply(v) {
    return Array.isArray(v) ? v.map(canon) : canon(v);
  },
};

/** Subscription id of an ARM id, lower-cased; null when the id has none. */
export function armSubscription(id: unknown): string | null {
  if (typeof id !== 'string') return null;
  const m = /\/subscriptions\/([^/]+)/i.exec(id);
  return m ? m[1]!.toLowerCase() : null;
}

/** Resource group segment of an ARM id (as written); null when the id has none. */
export function armResourceGroup(id: unknown): string | null {
  if (typeof id !== 'string') return null;
  const m = /\/resourceGroups\/([^/]+)/i.exec(id);
  return m ? m[1]! : null;
}
