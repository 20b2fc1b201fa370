import { getPath, isPlainObject } from '../../diff/path.ts';

// Condition fields by provider name ↔ API name. The provider stores 0 / "" / [] for every unset
// condition (and `with_state = "ANY"`), the API omits them: both sides keep only what is set.
const CONDITIONS: readonly [string, string][] = [
  ['age', 'age'],
  ['created_before', 'createdBefore'],
  ['custom_time_before', 'customTimeBefore'],
  ['days_since_custom_time', 'daysSinceCustomTime'],
  ['days_since_noncurrent_time', 'daysSinceNoncurrentTime'],
  ['matches_prefix', 'matchesPrefix'],
  ['matches_storage_class', 'matchesStorageClass'],
  ['matches_suffix', 'matchesSuffix'],
  ['noncurrent_time_before', 'noncurrentTimeBefore'],
  ['num_newer_versions', 'numNewerVersions'],
];

function setValue(v: unknown): unknown {
  if (v === null || v === undefined || v === '' || v === 0 || v === '0') return undefined;
  if (Array.isArray(v)) return v.length === 0 ? undefined : [...v].map(String).sort();
  return typeof v === 'string' && /^\d+$/.test(v) ? Number(v) : v;
}

function rule(
  type: unknown,
  storageClass: unknown,
  cond: (tf: string, api: string) => unknown,
  live: unknown,
) {
  const out: Record<string, unknown> = { type };
  if (setValue(storageClass) !== undefined) out.storage_class = storageClass;
  for (const [tf, api] of CONDITIONS) {
    const v = setValue(cond(tf, api));
    if (v !== undefined) out[tf] = v;
  }
  if (typeof live === 'boolean') out.is_live = live;
  return out;
}

/** The provider's `lifecycle_rule` blocks in a canonical, comparable shape. */
export function tfLifecycleRules(list: unknown): Record<string, unknown>[] {
  if (!Array.isArray(list)) return [];
  return list.filter(isPlainObject).map((r) => {
    const action = getPath(r, 'action.0');
    const c = getPath(r, 'condition.0');
    const state = getPath(c, 'with_state');
    const live = state === 'LIVE' ? true : state === 'ARCHIVED' ? false : undefined;
    return rule(getPath(action, 'type'), getPath(action, 'storage_class'), (tf) => getPath(c, tf), live);
  });
}

/** The API's `lifecycle.rule[]` in the same canonical shape. */
export function apiLifecycleRules(list: unknown): Record<string, unknown>[] {
  if (!Array.isArray(list)) return [];
  return list
    .filter(isPlainObject)
    .map((r) =>
      rule(
        getPath(r, 'action.type'),
        getPath(r, 'action.storageClass'),
        (_tf, api) => getPath(r, `condition.${api}`),
        getPath(r, 'condition.isLive'),
      ),
    );
}
