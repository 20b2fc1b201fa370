import type { DriftQuery } from '../../core/ports/drift-store.ts';
import { decodeCursor, encodeCursor, listScope } from '../cursor.ts';
import { HttpError } from '../http-error.ts';
import { defineRoute, type RouteDef } from '../route.ts';
import {
  DriftIdParamsSchema,
  DriftListQuerySchema,
  DriftPageSchema,
  DriftRecordSchema,
  HistoryPageSchema,
  HistoryQuerySchema,
  NoQuerySchema,
} from '../schemas.ts';
import { acknowledgeRoute, unacknowledgeRoute } from './acknowledge.ts';

const list = defineRoute({
  method: 'GET',
  path: '/drifts',
  operationId: 'listDrifts',
  summary: 'Drift records, newest change first, filtered and paged by cursor.',
  tag: 'drifts',
  query: DriftListQuerySchema,
  responses: { 200: { description: 'One page of drift records.', schema: DriftPageSchema } },
  handle: async ({ query, deps }) => {
    const { cursor, ...filters } = query;
    const scope = listScope('drifts', filters);
    const q: DriftQuery = { limit: query.limit };
    for (const [k, v] of Object.entries(filters)) if (v !== undefined) Object.assign(q, { [k]: v });
    const storeCursor = decodeCursor(scope, cursor);
    if (storeCursor !== undefined) q.cursor = storeCursor;
    const page = await deps.store.query(q);
    return { status: 200, body: { items: page.items, nextCursor: encodeCursor(scope, page.cursor) } };
  },
});

const get = defineRoute({
  method: 'GET',
  path: '/drifts/{id}',
  operationId: 'getDrift',
  summary: 'One drift record.',
  tag: 'drifts',
  params: DriftIdParamsSchema,
  query: NoQuerySchema,
  responses: { 200: { description: 'The drift record.', schema: DriftRecordSchema } },
  errors: [404],
  handle: async ({ params, deps }) => {
    const record = await deps.store.get(params.id);
    if (!record) throw new HttpError(404, 'not_found', { resource: 'drift', id: params.id });
    return { status: 200, body: record };
  },
});

const history = defineRoute({
  method: 'GET',
  path: '/drifts/{id}/history',
  operationId: 'getDriftHistory',
  summary: 'Transitions of one drift record, newest first.',
  tag: 'drifts',
  params: DriftIdParamsSchema,
  query: HistoryQuerySchema,
  responses: { 200: { description: 'One page of history events.', schema: HistoryPageSchema } },
  errors: [404],
  handle: async ({ params, query, deps }) => {
    const scope = listScope(`history/${params.id}`, {});
    const storeCursor = decodeCursor(scope, query.cursor);
    // The first page proves the drift exists; later pages carry a cursor issued for it already.
    if (storeCursor === undefined && !(await deps.store.get(params.id)))
      throw new HttpError(404, 'not_found', { resource: 'drift', id: params.id });
    const page = await deps.store.history(params.id, query.limit, storeCursor);
    return { status: 200, body: { items: page.items, nextCursor: encodeCursor(scope, page.cursor) } };
  },
});

export const driftRoutes: RouteDef[] = [list, get, history, acknowledgeRoute, unacknowledgeRoute];
