import { getPath } from '../../core/diff/path.ts';
import { liveTags, liveUnder } from '../../core/mapping/accessors.ts';
import type { AttributeRule } from '../../core/mapping/types.ts';
import { ABSENT, type Absent, type LiveResource } from '../../core/model/live-resource.ts';
import type { StateResource } from '../../core/model/state-resource.ts';
import { armSubscription } from '../../core/normalize/azure/arm-id.ts';
import { azureLocation } from '../../core/normalize/azure/location.ts';

/**
 * Reads `properties.<rest>`; ABSENT when the export carries no `properties` (`properties: null` in
 * az resource list, a Resource Graph projection without the column). Per-type az commands
 * (`az network vnet subnet list`) flatten `properties` into the object: those carry
 * `provisioningState` at the top and no `properties` key, and are read at the top level.
 */
export function prop(rest: string): (live: LiveResource) => unknown | Absent {
  const nested = liveUnder('properties', rest);
  return (live) => {
    const row = live.attributes;
    if (row && !('properties' in row) && 'provisioningState' in row)
      return rest === '' ? row : getPath(row, rest);
    return nested(live);
  };
}

/** Reads a top-level field of the ARM row (`sku.name`, `kind`); ABSENT when the row lacks it. */
export function top(path: string): (live: LiveResource) => unknown | Absent {
  return (live) => {
    if (live.attributes === null) return ABSENT;
    const v = getPath(live.attributes, path);
    return v === undefined ? ABSENT : v;
  };
}

/** The ARM id in the state (`id`), the identity every azurerm resource is matched by. */
export function armIdentities(res: StateResource): string[] {
  return typeof res.attributes.id === 'string' && res.attributes.id ? [res.attributes.id] : [];
}

/** `azure:<subscription>` from the resource's ARM id. */
export function azureScope(res: StateResource): string | null {
  const sub = armSubscription(res.attributes.id ?? res.id);
  return sub ? `azure:${sub}` : null;
}

/** `location` ↔ the row's `location`, display names and programmatic names alike. */
export const locationRule: AttributeRule = {
  path: 'location',
  actual: top('location'),
  normalize: [azureLocation],
};

/**
 * `tags` ↔ the row's tags, key by key. Tags added outside Terraform are drift too (plan would
 * remove them), so an empty desired map is still compared.
 */
export const tagsRule: AttributeRule = {
  path: 'tags',
  actual: (live) => liveTags(live),
  compare: 'map',
  skipUnsetDesired: false,
};

/** Like `prop`, but a field ARM leaves out is not compared (computed fields older API versions omit). */
export function propOrAbsent(rest: string): (live: LiveResource) => unknown | Absent {
  return (live) => {
    const v = prop(rest)(live);
    return v === undefined || v === null ? ABSENT : v;
  };
}

const fold = (s: string) => s.trim().replace(/\/+$/, '').toLowerCase();

/**
 * Case-insensitive values (VM sizes, enum values, ARM ids): when the live string equals the desired
 * one but for case, it is reported in the desired spelling, so a real change prints as written.
 */
export function sameCase(
  actual: (live: LiveResource, res: StateResource) => unknown | Absent,
  path: string,
): (live: LiveResource, res: StateResource) => unknown | Absent {
  return (live, res) => {
    const a = actual(live, res);
    const d = getPath(res.attributes, path);
    return typeof a === 'string' && typeof d === 'string' && fold(a) === fold(d) ? d : a;
  };
}
