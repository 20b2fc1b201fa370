import type { DriftRecord } from '../../core/model/drift-record.ts';
import type { DriftStore, LifecycleWrite } from '../../core/ports/drift-store.ts';
import { isConflict } from '../errors.ts';
import { badRequest, HttpError } from '../http-error.ts';
import { defineRoute } from '../route.ts';
import {
  AcknowledgeBodySchema,
  DriftIdParamsSchema,
  DriftRecordSchema,
  NoQuerySchema,
  UnacknowledgeBodySchema,
} from '../schemas.ts';

export const acknowledgeRoute = defineRoute({
  method: 'POST',
  path: '/drifts/{id}/acknowledge',
  operationId: 'acknowledgeDrift',
  summary: 'Acknowledge a drift (by = the caller); it stays out of the active list until expiresAt.',
  tag: 'drifts',
  params: DriftIdParamsSchema,
  query: NoQuerySchema,
  body: AcknowledgeBodySchema,
  responses: { 200: { description: 'The acknowledged drift record.', schema: DriftRecordSchema } },
  errors: [401, 404, 409],
  handle: async ({ params, body, principal, now, deps }) => {
    const by = requirePrincipal(principal);
    if (body.expiresAt !== undefined && Date.parse(body.expiresAt) <= now.getTime())
      throw badRequest('body', ['expiresAt'], 'must be in the future');
    const input = { by, reason: body.reason, ...(body.expiresAt ? { expiresAt: body.expiresAt } : {}) };
    const record = await transition(deps.store, params.id, (r) => deps.lifecycle.acknowledge(r, input, now));
    return { status: 200, body: record };
  },
});

export const unacknowledgeRoute = defineRoute({
  method: 'POST',
  path: '/drifts/{id}/unacknowledge',
  operationId: 'unacknowledgeDrift',
  summary: 'Withdraw the acknowledgement of a drift: it is active again.',
  tag: 'drifts',
  params: DriftIdParamsSchema,
  query: NoQuerySchema,
  body: UnacknowledgeBodySchema,
  responses: { 200: { description: 'The drift record, active again.', schema: DriftRecordSchema } },
  errors: [401, 404, 409],
  handle: async ({ params, principal, now, deps }) => {
    const by = requirePrincipal(principal);
    const record = await transition(deps.store, params.id, (r) => deps.lifecycle.unacknowledge(r, by, now));
    return { status: 200, body: record };
  },
});

function requirePrincipal(principal: string | undefined): string {
  // The acknowledgement records who decided; an anonymous decision is not one the API accepts.
  if (!principal)
    throw new HttpError(401, 'unauthorized', { message: 'an authenticated caller is required' });
  return principal;
}

/**
 * Reads the record, applies one lifecycle transition, writes it conditionally on the version read.
 * A concurrent write (a scan landing in between) gets one re-read and retry; a second conflict is
 * the caller's 409.
 */
async function transition(
  store: DriftStore,
  id: string,
  apply: (record: DriftRecord) => LifecycleWrite,
): Promise<DriftRecord> {
  for (let attempt = 0; ; attempt++) {
    const record = await store.get(id);
    if (!record) throw new HttpError(404, 'not_found', { resource: 'drift', id });
    const write = apply(record);
    try {
      await store.apply([write]);
      return write.record;
    } catch (err) {
      if (attempt === 0 && isConflict(err)) continue;
      throw err;
    }
  }
}
