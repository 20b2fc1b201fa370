import { getPath, isPlainObject } from '../../core/diff/path.ts';
import type { AttributeRule } from '../../core/mapping/types.ts';
import { parseArn } from '../../core/model/identity.ts';
import { ABSENT, type Absent, type LiveResource } from '../../core/model/live-resource.ts';
import type { StateResource } from '../../core/model/state-resource.ts';
import { parseJsonDocument } from '../../core/normalize/aws/json-document.ts';
import { awsTags, desiredAwsTags, hasTagsAll } from '../../core/normalize/aws/tags-all.ts';
import { normalizer } from '../../core/normalize/generic.ts';

/** A string attribute of the state resource, or undefined. */
export function attr(res: StateResource, path: string): string | undefined {
  const v = getPath(res.attributes, path);
  return typeof v === 'string' && v !== '' ? v : typeof v === 'number' ? String(v) : undefined;
}

/** Identities from attribute values, most specific first, empties and duplicates dropped. */
export function identitiesFrom(...values: (string | undefined | null)[]): string[] {
  return [...new Set(values.filter((v): v is string => typeof v === 'string' && v !== ''))];
}

// IAM (and other global services) have no region in their ARNs; AWS Config records them as "global".
const GLOBAL_SERVICES = new Set(['iam', 'cloudfront', 'route53', 'organizations', 'waf']);

/**
 * `aws:<account>:<region>` from the resource's ARN; parts the ARN lacks come from the provider-v6
 * `region` attribute or stay `*`. Null when nothing at all is known.
 */
export function awsScope(res: StateResource, arnAttr = 'arn'): string | null {
  const arn = attr(res, arnAttr);
  const parsed = arn ? parseArn(arn) : null;
  const regionAttr = attr(res, 'region');
  if (!parsed) return regionAttr ? `aws:*:${regionAttr}` : null;
  const region = parsed.region || (GLOBAL_SERVICES.has(parsed.service) ? 'global' : (regionAttr ?? '*'));
  return `aws:${parsed.account || '*'}:${region}`;
}

/** Parses a JSON text value (Config delivers some documents as strings); other values as they are. */
export function jsonValue(v: unknown): unknown {
  const parsed = parseJsonDocument(v);
  return parsed === undefined ? v : parsed;
}

/** First of several spellings of a configuration path (Config mixes `sSEDescription`/`ssedescription`). */
export function conf(...paths: string[]): (live: LiveResource) => unknown | Absent {
  return (live) => {
    if (live.attributes === null) return ABSENT;
    for (const p of paths) {
      const v = getPath(live.attributes, p);
      if (v !== undefined) return jsonValue(v);
    }
    return undefined;
  };
}

/** Like conf, but ABSENT when the item has none of the paths: for fields Config may not record. */
export function confIfRecorded(...paths: string[]): (live: LiveResource) => unknown | Absent {
  const read = conf(...paths);
  return (live) => {
    const v = read(live);
    return v === undefined ? ABSENT : v;
  };
}

/** A supplementaryConfiguration document (parsed when delivered as a JSON string), ABSENT when not exported. */
export function supp(live: LiveResource, name: string): Record<string, unknown> | Absent {
  const doc = jsonValue(live.supplementary?.[name]);
  return isPlainObject(doc) ? doc : ABSENT;
}

/** A path inside a supplementary document, ABSENT when the document is not exported. */
export function suppAt(name: string, path: string): (live: LiveResource) => unknown | Absent {
  return (live) => {
    const doc = supp(live, name);
    return doc === ABSENT ? ABSENT : getPath(doc, path);
  };
}

/**
 * Tags rule: desired = tags_all (tags for old states) vs the live tag map, per key, `aws:*` ignored.
 * Reported as `tags.<key>`.
 */
export const tagsRule: AttributeRule = {
  path: 'tags',
  desired: (res) => desiredAwsTags(res),
  actual: (live, res) =>
    live.tags === null ? ABSENT : hasTagsAll(res) || desiredAwsTags(res) ? live.tags : ABSENT,
  normalize: [awsTags],
  compare: 'map',
  skipUnsetDesired: false,
};

/** A scalar supplement (KMS KeyRotationStatus, S3 IsRequesterPaysEnabled), ABSENT when not exported. */
export function suppValue(name: string): (live: LiveResource) => unknown | Absent {
  return (live) => {
    const v = jsonValue(live.supplementary?.[name]);
    return v === undefined || v === null ? ABSENT : v;
  };
}

/**
 * Version-like values back to text after the generic number folding ("15" → 15 → "15"), so reports
 * show `engine_version: "15"` rather than a number. Numbers never collide: "15.10" is not folded.
 */
export const asText = normalizer('as-text', (v) => (typeof v === 'number' ? String(v) : v));
