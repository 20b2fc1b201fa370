import type { Normalizer } from '../../mapping/types.ts';

const AUTH = 'https://www.googleapis.com/auth/';

// gcloud / provider aliases → the scope URL the API stores (the provider canonicalises the same way).
const ALIASES: Record<string, string> = {
  bigquery: 'bigquery',
  'cloud-platform': 'cloud-platform',
  'cloud-source-repos': 'source.full_control',
  'cloud-source-repos-ro': 'source.read_only',
  'compute-ro': 'compute.readonly',
  'compute-rw': 'compute',
  datastore: 'datastore',
  'logging-write': 'logging.write',
  monitoring: 'monitoring',
  'monitoring-read': 'monitoring.read',
  'monitoring-write': 'monitoring.write',
  pubsub: 'pubsub',
  'service-control': 'servicecontrol',
  'service-management': 'service.management.readonly',
  sql: 'sqlservice',
  'sql-admin': 'sqlservice.admin',
  'storage-full': 'devstorage.full_control',
  'storage-ro': 'devstorage.read_only',
  'storage-rw': 'devstorage.read_write',
  taskqueue: 'taskqueue',
  trace: 'trace.append',
  'useraccounts-ro': 'cloud.useraccounts.readonly',
  'useraccounts-rw': 'cloud.useraccounts',
  'userinfo-email': 'userinfo.email',
};

function canonicalScope(v: unknown): unknown {
  if (typeof v !== 'string') return v;
  if (v.includes('/')) return v;
  return `${AUTH}${ALIASES[v] ?? v}`;
}

/** Service-account scopes as a sorted set of full URLs (`cloud-platform` = `.../auth/cloud-platform`). */
export const serviceAccountScopes: Normalizer = {
  name: 'service-account-scopes',
  apply(v) {
    if (!Array.isArray(v)) return v;
    return [...new Set(v.map(canonicalScope))].sort();
  },
};
