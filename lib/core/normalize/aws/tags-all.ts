import { isPlainObject } from '../../diff/path.ts';
import type { Normalizer } from '../../mapping/types.ts';
import type { StateResource } from '../../model/state-resource.ts';

/**
 * Desired tags of an AWS resource. Live tags include the provider's `default_tags`, which only
 * `tags_all` carries (provider v3.38+); older states have `tags` only. When `tags_all` exists it is
 * the full desired set, even when empty (so tags added out of band still show).
 */
export function desiredAwsTags(res: StateResource): Record<string, unknown> | undefined {
  const all = res.attributes.tags_all;
  if (isPlainObject(all)) return all;
  const tags = res.attributes.tags;
  return isPlainObject(tags) ? tags : undefined;
}

/** True when the state carries tags_all (so an empty desired tag set is still meaningful). */
export function hasTagsAll(res: StateResource): boolean {
  return isPlainObject(res.attributes.tags_all);
}

/**
 * Drops AWS-reserved `aws:*` tags (CloudFormation, Auto Scaling, Service Catalog set them; no
 * Terraform configuration can own them) and turns values into strings.
 */
export const awsTags: Normalizer = {
  name: 'aws-tags',
  apply(v) {
    if (!isPlainObject(v)) return v;
    const out: Record<string, unknown> = {};
    for (const [k, val] of Object.entries(v)) {
      if (k.toLowerCase().startsWith('aws:')) continue;
      out[k] = val === null || val === undefined ? '' : typeof val === 'object' ? val : String(val);
    }
    return out;
  },
};
