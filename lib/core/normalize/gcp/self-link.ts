import type { Normalizer } from '../../mapping/types.ts';
import { normalizeIdentity } from '../../model/identity.ts';

function lastSegment(v: unknown): unknown {
  if (typeof v !== 'string' || !v.includes('/')) return v;
  return v.replace(/\/+$/, '').split('/').pop() ?? v;
}

function relative(v: unknown): unknown {
  return typeof v === 'string' ? normalizeIdentity('gcp', v) : v;
}

/**
 * Self link or short name → short name: the API returns `machineType`, `zone`, `region` as URLs
 * (`.../zones/us-central1-a/machineTypes/e2-medium`), the provider stores `e2-medium`.
 */
export const gcpShortName: Normalizer = {
  name: 'gcp-short-name',
  apply: (v) => (Array.isArray(v) ? v.map(lastSegment) : lastSegment(v)),
};

/**
 * Self link (`https://www.googleapis.com/compute/v1/projects/p/global/networks/n`), Cloud Asset
 * name or relative name → `projects/p/global/networks/n`, for references that span projects.
 */
export const gcpRelativeName: Normalizer = {
  name: 'gcp-relative-name',
  apply: (v) => (Array.isArray(v) ? v.map(relative) : relative(v)),
};

/** Project of a relative name, self link or Cloud Asset name (`.../projects/<p>/...`); null if none. */
export function gcpProjectOf(v: unknown): string | null {
  if (typeof v !== 'string') return null;
  const m = /(?:^|\/)projects\/([^/]+)/.exec(v);
  return m ? m[1]! : null;
}
