import { getPath, isPlainObject } from '../diff/path.ts';
import { ABSENT, type Absent, type LiveResource } from '../model/live-resource.ts';

/**
 * Reads a path of the live configuration. ABSENT when the export carries no configuration at all;
 * a missing leaf under a present document is a real "not set" (undefined).
 */
export function liveAt(path: string): (live: LiveResource) => unknown | Absent {
  return (live) => (live.attributes === null ? ABSENT : getPath(live.attributes, path));
}

/**
 * Like liveAt, but ABSENT when the container `root` itself is missing or null (`properties: null`
 * in `az resource list`, no `supplementaryConfiguration` in a BaseConfigurationItem).
 */
export function liveUnder(root: string, rest: string): (live: LiveResource) => unknown | Absent {
  return (live) => {
    if (live.attributes === null) return ABSENT;
    const container = getPath(live.attributes, root);
    if (container === null || container === undefined) return ABSENT;
    return rest === '' ? container : getPath(container, rest);
  };
}

/** Supplementary document (AWS Config supplementaryConfiguration.<name>), ABSENT when not exported. */
export function supplementary(name: string, rest = ''): (live: LiveResource) => unknown | Absent {
  return (live) => {
    const doc = live.supplementary?.[name];
    if (doc === null || doc === undefined) return ABSENT;
    return rest === '' ? doc : getPath(doc, rest);
  };
}

/** Live tags/labels; ABSENT when the export does not carry them. */
export function liveTags(live: LiveResource): Record<string, string> | Absent {
  return live.tags === null ? ABSENT : live.tags;
}

/** First element of a Terraform nested block list (`versioning.0` style), or the value itself. */
export function firstBlock(v: unknown): Record<string, unknown> | undefined {
  if (Array.isArray(v)) return isPlainObject(v[0]) ? v[0] : undefined;
  return isPlainObject(v) ? v : undefined;
}
