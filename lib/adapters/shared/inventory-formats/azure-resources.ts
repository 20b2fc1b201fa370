import type { InventorySnapshot } from '../../../core/model/coverage.ts';
import { scopeKey } from '../../../core/model/coverage.ts';
import type { LiveResource } from '../../../core/model/live-resource.ts';
import { embeddedSubnets } from './azure-embedded-children.ts';
import { coverageOf } from './coverage-evidence.ts';
import { type FormatReader, fail, type ReadContext } from './reader.ts';
import { isPlainObject, lastSegment, str, stringMap, toIso } from './values.ts';

const ARM_ID = /^\/(subscriptions|providers)\//i;
const SUBSCRIPTION_TYPE = 'microsoft.resources/subscriptions';

function isArmObject(v: unknown): boolean {
  return isPlainObject(v) && typeof v.id === 'string' && ARM_ID.test(v.id) && typeof v.type === 'string';
}

function isGraphOutput(doc: Record<string, unknown>): boolean {
  const paged = 'count' in doc || 'total_records' in doc || 'totalRecords' in doc || 'skip_token' in doc;
  if (Array.isArray(doc.data)) return paged || (doc.data.length > 0 && isArmObject(doc.data[0]));
  return isPlainObject(doc.data) && Array.isArray(doc.data.columns) && Array.isArray(doc.data.rows);
}

/**
 * Azure: `az graph query` output (`{count, data, skip_token, total_records}`), the Resource Graph REST
 * response (objectArray or table format), an ARM list (`{value, nextLink}`), or the `az resource list`
 * / `az group list` bare array of ARM objects.
 */
export const azureReader: FormatReader = {
  matches(doc) {
    if (Array.isArray(doc)) return doc.length > 0 && isArmObject(doc[0]);
    if (!isPlainObject(doc)) return false;
    if (isGraphOutput(doc)) return true;
    if (Array.isArray(doc.value)) return doc.value.length > 0 && isArmObject(doc.value[0]);
    return isArmObject(doc);
  },
  read(doc, ctx) {
    if (Array.isArray(doc)) return rows(doc, 'item', ctx);
    const d = doc as Record<string, unknown>;
    if (isGraphOutput(d)) return rows(graphRows(d.data), 'data', ctx, graphTruncation(d));
    if (Array.isArray(d.value)) {
      const why = str(d.nextLink) ? 'ARM list is one page (nextLink present)' : undefined;
      return rows(d.value, 'value', ctx, why);
    }
    return rows([d], 'item', ctx);
  },
};

// Table format (`resultFormat=table`, older CLI versions): rows are arrays in column order.
function graphRows(data: unknown): unknown[] {
  if (Array.isArray(data)) return data;
  const table = data as { columns: unknown[]; rows: unknown[] };
  const names = table.columns.map((c, i) =>
    isPlainObject(c) && typeof c.name === 'string' ? c.name : `column${i}`,
  );
  return table.rows.map((r) =>
    Array.isArray(r) ? Object.fromEntries(names.map((n, i) => [n, r[i] ?? null])) : r,
  );
}

// `az graph query` returns at most --first rows (default 100, max 1000): a page is not a census.
function graphTruncation(d: Record<string, unknown>): string | undefined {
  const token = str(d.skip_token) ?? str(d.$skipToken) ?? str(d.skipToken);
  const total = typeof d.total_records === 'number' ? d.total_records : d.totalRecords;
  const count = typeof d.count === 'number' ? d.count : undefined;
  if (token || d.resultTruncated === 'true' || d.resultTruncated === true)
    return 'Resource Graph output is one page (skip_token present); later pages were not exported';
  if (typeof total === 'number' && count !== undefined && total > count)
    return `Resource Graph output holds ${count} of ${total} records`;
  return undefined;
}

function rows(list: unknown[], field: string, ctx: ReadContext, incomplete?: string): InventorySnapshot {
  const resources: LiveResource[] = [];
  list.forEach((row, i) => {
    const where = `${field}[${i}]`;
    if (!isPlainObject(row) || typeof row.id !== 'string' || typeof row.type !== 'string')
      fail(ctx, `${where} has no ARM id and type (the query must project id and type)`);
    // Subscriptions are scope information, not resources anyone declares in Terraform state.
    if (row.type.toLowerCase() === SUBSCRIPTION_TYPE) return;
    const item = armResource(row, ctx);
    resources.push(item, ...embeddedSubnets(item));
  });
  return { resources, coverage: coverageOf(resources, ctx.source, incomplete) };
}

function armResource(row: Record<string, unknown>, ctx: ReadContext): LiveResource {
  const id = row.id as string;
  const subscription =
    /^\/subscriptions\/([^/]+)/i.exec(id)?.[1] ?? str(row.subscriptionId) ?? str(row.tenantId) ?? 'unknown';
  return {
    provider: 'azure',
    nativeType: row.type as string,
    id,
    ids: [id],
    name: str(row.name) ?? lastSegment(id),
    scope: scopeKey.azure(subscription),
    attributes: row,
    // Present-but-null tags mean "no tags"; a projection without the column does not carry them.
    tags: 'tags' in row ? stringMap(row.tags) : null,
    capturedAt: toIso(row.changedTime),
    source: ctx.source,
  };
}
