import { scopeKey } from '../../../core/model/coverage.ts';
import { parseArn } from '../../../core/model/identity.ts';
import type { LiveResource } from '../../../core/model/live-resource.ts';
import { fail, type ReadContext } from './reader.ts';
import { distinct, isPlainObject, str, stringMap, toIso, tryParseJson } from './values.ts';

const DELETED_STATUSES = new Set(['ResourceDeleted', 'ResourceDeletedNotRecorded']);

/** What the surrounding export says about fields an item may leave out. */
export interface AwsItemContext extends ReadContext {
  /** Where the item sits, for messages: `field[index]` (`configurationItems[3]`), built only on error. */
  field: string;
  index: number;
  /** True when the export selected `tags` (select-resource-config): a row without them has none. */
  tagsSelected?: boolean;
  /** True when the export selected only some `configuration.<field>`s: the rest is unknown, not unset. */
  configurationPartial?: boolean;
}

/** One AWS Config configuration item (any of the API, CLI, S3 or SELECT spellings) as a LiveResource. */
export function awsConfigItem(item: Record<string, unknown>, ctx: AwsItemContext): LiveResource {
  const arn = str(item.arn) ?? str(item.ARN);
  const resourceId = str(item.resourceId);
  const resourceType = str(item.resourceType);
  if (!resourceType) fail(ctx, `${whereOf(ctx)} has no resourceType`);
  if (!arn && !resourceId) fail(ctx, `${whereOf(ctx)} has neither arn nor resourceId`);
  let account = str(item.accountId) ?? str(item.awsAccountId);
  let region = str(item.awsRegion);
  if (account === undefined || region === undefined) {
    const parsed = arn ? parseArn(arn) : null;
    account ??= parsed?.account || 'unknown';
    // Global types (IAM, CloudFront) are recorded with awsRegion "global"; their ARNs have no region.
    region ??= parsed ? parsed.region || 'global' : 'unknown';
  }
  const resourceName = str(item.resourceName);
  const out: LiveResource = {
    provider: 'aws',
    nativeType: resourceType,
    id: (arn ?? resourceId)!,
    ids: distinct([arn, resourceId, resourceName]),
    name: resourceName ?? null,
    scope: awsScope(account, region),
    attributes: ctx.configurationPartial === true ? null : configurationOf(item, ctx),
    tags: tagsOf(item, ctx.tagsSelected === true),
    capturedAt: toIso(item.configurationItemCaptureTime),
    source: ctx.source,
  };
  const supplementary = supplementaryOf(item, ctx);
  if (supplementary !== undefined) out.supplementary = supplementary;
  if (DELETED_STATUSES.has(String(item.configurationItemStatus))) out.deleted = true;
  return out;
}

/** `configurationItems[3]`: the item's place in the export, for messages. */
export function whereOf(ctx: AwsItemContext): string {
  return `${ctx.field}[${ctx.index}]`;
}

// One scope string per account+region, shared by every item there (not rebuilt per item).
const scopes = new Map<string, Map<string, string>>();
function awsScope(account: string, region: string): string {
  let byRegion = scopes.get(account);
  if (!byRegion) {
    byRegion = new Map();
    scopes.set(account, byRegion);
  }
  let scope = byRegion.get(region);
  if (scope === undefined) {
    scope = scopeKey.aws(account, region);
    byRegion.set(region, scope);
  }
  return scope;
}

// The API and CLI give `configuration` as a JSON string, S3 files and SELECT as an object; a field
// that is not there (SELECT without it) is not carried, which is different from empty.
function configurationOf(item: Record<string, unknown>, ctx: AwsItemContext): Record<string, unknown> | null {
  const raw = item.configuration;
  if (raw === undefined || raw === null) return null;
  let value: unknown = raw;
  if (typeof raw === 'string') {
    const parsed = tryParseJson(raw);
    if (!parsed) fail(ctx, `${whereOf(ctx)}: configuration is a string but not valid JSON`);
    value = parsed.value;
  }
  return isPlainObject(value) ? value : null;
}

// supplementaryConfiguration values are JSON strings from the API/CLI and objects in S3 files.
// IAM policy documents stay URL-encoded on purpose: a normalizer decodes them when comparing.
function supplementaryOf(
  item: Record<string, unknown>,
  ctx: AwsItemContext,
): Record<string, unknown> | undefined {
  let raw = item.supplementaryConfiguration;
  if (raw === undefined || raw === null) return undefined;
  if (typeof raw === 'string') {
    const parsed = tryParseJson(raw);
    if (!parsed) fail(ctx, `${whereOf(ctx)}: supplementaryConfiguration is a string but not valid JSON`);
    raw = parsed.value;
  }
  if (!isPlainObject(raw)) return undefined;
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(raw)) {
    const parsed = typeof v === 'string' ? tryParseJson(v) : undefined;
    out[k] = parsed ? parsed.value : v;
  }
  return out;
}

// Tags come as a map (history API, S3 files) or as [{key, value}] (SELECT); batch-get items carry none.
function tagsOf(item: Record<string, unknown>, selected: boolean): Record<string, string> | null {
  const raw = item.tags;
  if (raw === undefined) return selected ? {} : null;
  if (raw === null) return {};
  if (Array.isArray(raw)) {
    const out: Record<string, string> = {};
    for (const t of raw) {
      if (isPlainObject(t) && typeof t.key === 'string')
        out[t.key] = typeof t.value === 'string' ? t.value : '';
    }
    return out;
  }
  return isPlainObject(raw) ? stringMap(raw) : null;
}
