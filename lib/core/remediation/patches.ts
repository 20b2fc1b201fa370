import type { DriftRecord } from '../model/drift-record.ts';
import { isSensitive } from '../model/sensitive.ts';
import { RemediationError } from './errors.ts';

const TAG_PREFIX = /^(tags|tags_all|labels|metadata\.labels)\./;

/** Tags to set back and tags to remove, from a tag-only drift; sealed values cannot be restored. */
export function tagChanges(record: DriftRecord): { set: Record<string, string>; remove: string[] } {
  const set: Record<string, string> = {};
  const remove: string[] = [];
  for (const c of record.changes) {
    const key = c.path.replace(TAG_PREFIX, '');
    if (key === c.path) throw new RemediationError(`path ${c.path} is not a tag`, record.id);
    if (c.sensitive || isSensitive(c.desired) || isSensitive(c.actual))
      throw new RemediationError(`tag ${key} is sensitive: its value cannot be restored`, record.id);
    if (c.desired === undefined || c.desired === null) remove.push(key);
    else set[key] = String(c.desired);
  }
  return { set, remove };
}

/**
 * A JSON merge patch that puts each changed path back to its desired value (`null` deletes what
 * the desired side lacks). List indices are refused: a merge patch replaces whole lists.
 */
export function desiredPatch(record: DriftRecord): Record<string, unknown> {
  const patch: Record<string, unknown> = {};
  for (const c of record.changes) {
    if (c.sensitive || isSensitive(c.desired) || isSensitive(c.actual))
      throw new RemediationError(`${c.path} is sensitive: its value cannot be restored`, record.id);
    const segs = c.path.split('.');
    if (segs.some((s) => /^\d+$/.test(s)))
      throw new RemediationError(
        `${c.path} is inside a list: use the terraform-pipeline executor`,
        record.id,
      );
    let node = patch;
    for (const s of segs.slice(0, -1)) {
      const next = node[s];
      node[s] = typeof next === 'object' && next !== null ? next : {};
      node = node[s] as Record<string, unknown>;
    }
    node[segs[segs.length - 1] as string] = c.desired === undefined ? null : c.desired;
  }
  return patch;
}
