import type { InventorySnapshot } from '../../../core/model/coverage.ts';
import type { LiveResource } from '../../../core/model/live-resource.ts';
import { type AwsItemContext, awsConfigItem, whereOf } from './aws-config-item.ts';
import { coverageOf } from './coverage-evidence.ts';
import { type FormatReader, fail, type ReadContext } from './reader.ts';
import { isPlainObject, str, tryParseJson } from './values.ts';

/** True for one configuration item in any AWS Config spelling. */
function isAwsItem(v: unknown): boolean {
  return isPlainObject(v) && typeof v.resourceType === 'string' && v.resourceType.startsWith('AWS::');
}

function isSelectOutput(doc: Record<string, unknown>): boolean {
  return (
    Array.isArray(doc.Results) &&
    (isPlainObject(doc.QueryInfo) || doc.Results.every((r) => typeof r === 'string'))
  );
}

/**
 * AWS Config exports: batch-get-resource-config (`baseConfigurationItems`), get-resource-config-history
 * and the S3 snapshot/history files (`configurationItems`), select-(aggregate-)resource-config
 * (`Results` of JSON strings), or a bare array of items.
 */
export const awsConfigReader: FormatReader = {
  matches(doc) {
    if (Array.isArray(doc)) return doc.length > 0 && isAwsItem(doc[0]);
    if (!isPlainObject(doc)) return false;
    return (
      Array.isArray(doc.baseConfigurationItems) ||
      Array.isArray(doc.BaseConfigurationItems) ||
      isAwsItem(doc.ConfigurationItem) ||
      (Array.isArray(doc.configurationItems) &&
        (doc.configurationItems.length === 0 || isAwsItem(doc.configurationItems[0]))) ||
      isSelectOutput(doc) ||
      isAwsItem(doc)
    );
  },
  read(doc, ctx) {
    if (Array.isArray(doc)) return items(doc, 'item', ctx);
    const d = doc as Record<string, unknown>;
    if (Array.isArray(d.baseConfigurationItems)) {
      const unprocessed = Array.isArray(d.unprocessedResourceKeys) ? d.unprocessedResourceKeys.length : 0;
      const why = unprocessed > 0 ? `${unprocessed} unprocessedResourceKeys were not fetched` : undefined;
      return items(d.baseConfigurationItems, 'baseConfigurationItems', ctx, why);
    }
    // The aggregator API spells its wrapper in PascalCase (batch-get-aggregate-resource-config).
    if (Array.isArray(d.BaseConfigurationItems)) {
      const left = d.UnprocessedResourceIdentifiers;
      const unprocessed = Array.isArray(left) ? left.length : 0;
      const why =
        unprocessed > 0 ? `${unprocessed} UnprocessedResourceIdentifiers were not fetched` : undefined;
      return items(d.BaseConfigurationItems, 'BaseConfigurationItems', ctx, why);
    }
    // get-aggregate-resource-config: one item under `ConfigurationItem`.
    if (isAwsItem(d.ConfigurationItem)) return items([d.ConfigurationItem], 'ConfigurationItem', ctx);
    if (Array.isArray(d.configurationItems)) return items(d.configurationItems, 'configurationItems', ctx);
    if (isSelectOutput(d)) return selectResults(d, ctx);
    return items([d], 'item', ctx);
  },
};

function items(list: unknown[], field: string, ctx: ReadContext, incomplete?: string): InventorySnapshot {
  const resources: LiveResource[] = [];
  // One context for all items (index updated in place): no per-item allocation on this hot path.
  const itemCtx: AwsItemContext = { ...ctx, field, index: 0 };
  for (let i = 0; i < list.length; i++) {
    const item = list[i];
    itemCtx.index = i;
    if (!isPlainObject(item)) fail(ctx, `${whereOf(itemCtx)} is not an AWS Config configuration item`);
    resources.push(awsConfigItem(item, itemCtx));
  }
  return { resources, coverage: coverageOf(resources, ctx.source, incomplete) };
}

// Each result is a JSON string holding only the SELECTed fields; what was not selected is not carried.
function selectResults(doc: Record<string, unknown>, ctx: ReadContext): InventorySnapshot {
  const fields = selectFields(doc.QueryInfo);
  const tagsSelected = fields.has('tags');
  // `SELECT configuration.instanceType` yields a configuration holding that field alone; comparing it
  // would read every other field as removed, so such a configuration is not carried at all.
  const configurationPartial =
    !fields.has('configuration') && [...fields].some((f) => f.startsWith('configuration.'));
  const resources: LiveResource[] = [];
  (doc.Results as unknown[]).forEach((raw, i) => {
    const where = `Results[${i}]`;
    const parsed = typeof raw === 'string' ? tryParseJson(raw) : { value: raw };
    if (!parsed || !isPlainObject(parsed.value)) fail(ctx, `${where} is not a JSON object string`);
    const row = parsed.value;
    if (!str(row.resourceType))
      fail(ctx, `${where} has no resourceType (the SELECT must include resourceType and resourceId or arn)`);
    resources.push(
      awsConfigItem(row, { ...ctx, field: 'Results', index: i, tagsSelected, configurationPartial }),
    );
  });
  const next = str(doc.NextToken) ?? str(doc.nextToken);
  const why = next
    ? 'select output is one page (NextToken present); later pages were not exported'
    : undefined;
  return { resources, coverage: coverageOf(resources, ctx.source, why) };
}

function selectFields(queryInfo: unknown): Set<string> {
  const out = new Set<string>();
  if (isPlainObject(queryInfo) && Array.isArray(queryInfo.SelectFields)) {
    for (const f of queryInfo.SelectFields)
      if (isPlainObject(f) && typeof f.Name === 'string') out.add(f.Name);
  }
  return out;
}
