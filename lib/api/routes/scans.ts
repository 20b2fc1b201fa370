import { decodeCursor, encodeCursor, listScope } from '../cursor.ts';
import { HttpError } from '../http-error.ts';
import { defineRoute, type RouteDef } from '../route.ts';
import {
  NoQuerySchema,
  ScanIdParamsSchema,
  ScanListQuerySchema,
  ScanPageSchema,
  ScanRecordSchema,
  TriggerScanBodySchema,
} from '../schemas.ts';

const list = defineRoute({
  method: 'GET',
  path: '/scans',
  operationId: 'listScans',
  summary: 'Scan records, newest first, optionally of one target.',
  tag: 'scans',
  query: ScanListQuerySchema,
  responses: { 200: { description: 'One page of scan records.', schema: ScanPageSchema } },
  handle: async ({ query, deps }) => {
    const scope = listScope('scans', { target: query.target });
    const page = await deps.store.listScans(query.limit, decodeCursor(scope, query.cursor), query.target);
    return { status: 200, body: { items: page.items, nextCursor: encodeCursor(scope, page.cursor) } };
  },
});

const get = defineRoute({
  method: 'GET',
  path: '/scans/{id}',
  operationId: 'getScan',
  summary: 'One scan record.',
  tag: 'scans',
  params: ScanIdParamsSchema,
  query: NoQuerySchema,
  responses: { 200: { description: 'The scan record.', schema: ScanRecordSchema } },
  errors: [404],
  handle: async ({ params, deps }) => {
    const scan = await deps.store.getScan(params.id);
    if (!scan) throw new HttpError(404, 'not_found', { resource: 'scan', id: params.id });
    return { status: 200, body: scan };
  },
});

const trigger = defineRoute({
  method: 'POST',
  path: '/scans',
  operationId: 'triggerScan',
  summary: 'Start a scan (of one target, or of all); answers with the scan record at once.',
  tag: 'scans',
  query: NoQuerySchema,
  body: TriggerScanBodySchema,
  responses: { 202: { description: 'The scan was started.', schema: ScanRecordSchema } },
  errors: [503],
  handle: async ({ body, deps }) => {
    const scan = await deps.triggerScan(body.target !== undefined ? { target: body.target } : {});
    return { status: 202, body: scan, headers: { location: `/scans/${encodeURIComponent(scan.scanId)}` } };
  },
});

export const scanRoutes: RouteDef[] = [list, get, trigger];
