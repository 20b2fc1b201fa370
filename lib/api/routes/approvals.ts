import { z } from 'zod';
import type { ApprovalStore } from '../../core/ports/approval-store.ts';
import type { DriftStore } from '../../core/ports/drift-store.ts';
import {
  type Approval,
  type ApprovalStatus,
  ApprovalStatusSchema,
  type ApprovalView,
  ApprovalViewSchema,
  approvalView,
  decide,
  effectiveStatus,
} from '../../core/remediation/approval.ts';
import { ApprovalConflictError } from '../../core/remediation/errors.ts';
import { remediationHistoryWrite } from '../../core/remediation/history.ts';
import { isConflict } from '../errors.ts';
import { HttpError } from '../http-error.ts';
import { defineRoute, type RouteDef } from '../route.ts';
import { IdSchema, LimitSchema, NoQuerySchema } from '../schemas.ts';
import type { RouterDeps } from '../types.ts';

const ApprovalIdParamsSchema = z.strictObject({
  id: IdSchema.meta({ description: 'Approval id (= remediation id).' }),
});
const ApprovalListQuerySchema = z.strictObject({
  status: ApprovalStatusSchema.optional().meta({ description: 'Only approvals in this status (as of now).' }),
  driftId: IdSchema.optional().meta({ description: 'Only approvals of this drift.' }),
  limit: LimitSchema,
});
const DecisionBodySchema = z.strictObject({
  decision: z.enum(['approve', 'reject']),
  comment: z.string().trim().min(1).max(2000).optional(),
});
const ApprovalListSchema = z.object({ items: z.array(ApprovalViewSchema) });

function approvalsOf(deps: RouterDeps): ApprovalStore {
  if (!deps.approvals)
    throw new HttpError(503, 'not_configured', { message: 'remediation approvals are not configured' });
  return deps.approvals;
}

/** The view with its status as of now (a pending approval past expiry shows as expired). */
const viewAt = (a: Approval, now: Date): ApprovalView => ({
  ...approvalView(a),
  status: effectiveStatus(a, now),
});

const list = defineRoute({
  method: 'GET',
  path: '/approvals',
  operationId: 'listApprovals',
  summary: 'Remediation approvals, newest first, by status and/or drift.',
  tag: 'approvals',
  query: ApprovalListQuerySchema,
  responses: { 200: { description: 'Approvals (never their task tokens).', schema: ApprovalListSchema } },
  handle: async ({ query, deps, now }) => {
    // A host without remediation has no approvals: an empty list, so the dashboard can always ask.
    if (!deps.approvals) return { status: 200, body: { items: [] } };
    const store = deps.approvals;
    // Expiry is derived: pending-but-expired items still sit in the pending partition until recorded.
    const stored: (ApprovalStatus | undefined)[] =
      query.status === 'expired' ? ['expired', 'pending'] : [query.status];
    const lists = await Promise.all(
      stored.map((status) =>
        store.list({
          limit: query.limit,
          ...(status ? { status } : {}),
          ...(query.driftId ? { driftId: query.driftId } : {}),
        }),
      ),
    );
    const items = lists
      .flat()
      .map((a) => viewAt(a, now))
      .filter((a) => query.status === undefined || a.status === query.status)
      .sort((a, b) => b.requestedAt.localeCompare(a.requestedAt))
      .slice(0, query.limit);
    return { status: 200, body: { items } };
  },
});

const get = defineRoute({
  method: 'GET',
  path: '/approvals/{id}',
  operationId: 'getApproval',
  summary: 'One remediation approval with its plan summary.',
  tag: 'approvals',
  params: ApprovalIdParamsSchema,
  query: NoQuerySchema,
  responses: { 200: { description: 'The approval.', schema: ApprovalViewSchema } },
  errors: [404],
  handle: async ({ params, deps, now }) => {
    const a = await deps.approvals?.get(params.id);
    if (!a) throw new HttpError(404, 'not_found', { resource: 'approval', id: params.id });
    return { status: 200, body: viewAt(a, now) };
  },
});

const decideRoute = defineRoute({
  method: 'POST',
  path: '/approvals/{id}',
  operationId: 'decideApproval',
  summary: 'Approve or reject a pending remediation (decidedBy = the caller); resumes the workflow.',
  tag: 'approvals',
  params: ApprovalIdParamsSchema,
  query: NoQuerySchema,
  body: DecisionBodySchema,
  responses: { 200: { description: 'The decided approval.', schema: ApprovalViewSchema } },
  errors: [401, 404, 409, 503],
  handle: async ({ params, body, principal, now, deps }) => {
    const store = approvalsOf(deps);
    const tasks = deps.tasks;
    if (!tasks)
      throw new HttpError(503, 'not_configured', { message: 'no workflow to resume is configured' });
    if (!principal)
      throw new HttpError(401, 'unauthorized', { message: 'an authenticated caller is required' });
    const a = await store.get(params.id);
    if (!a) throw new HttpError(404, 'not_found', { resource: 'approval', id: params.id });
    const input = {
      decision: body.decision,
      by: principal,
      ...(body.comment ? { comment: body.comment } : {}),
    };
    const next = await guard(async () => store.transition(decide(a, input, now), ['pending']));
    try {
      if (next.status === 'approved')
        await tasks.succeed(a.taskToken, {
          decision: 'approve',
          approver: principal,
          ...(body.comment ? { comment: body.comment } : {}),
        });
      else
        await tasks.fail(a.taskToken, {
          error: 'Rejected',
          cause: body.comment ?? `rejected by ${principal}`,
        });
    } catch (err) {
      // The workflow did not take the decision: put the approval back (or expired, when it timed out).
      const gone = err instanceof Error && /TaskTimedOut|TaskDoesNotExist/.test(err.name);
      const back: Approval = gone
        ? { ...a, status: 'expired', decidedBy: 'driftwatch', decidedAt: now.toISOString() }
        : a;
      await store.transition(back, [next.status]);
      if (gone)
        throw new HttpError(409, 'conflict', {
          message: 'the approval expired',
          id: a.id,
          status: 'expired',
        });
      throw err;
    }
    await appendHistory(deps.store, next, principal);
    return { status: 200, body: viewAt(next, now) };
  },
});

/** A decision on an approval that is no longer pending is the caller's 409. */
async function guard<T>(run: () => Promise<T>): Promise<T> {
  try {
    return await run();
  } catch (err) {
    if (
      err instanceof ApprovalConflictError ||
      (err instanceof Error && err.name === 'ApprovalConflictError')
    ) {
      const { approvalId, status } = err as ApprovalConflictError;
      throw new HttpError(409, 'conflict', {
        message: `the approval is ${status}, not pending`,
        id: approvalId,
        status,
      });
    }
    throw err;
  }
}

/** The decision on the drift's history (who, when, comment); a racing scan write gets re-read and retried. */
async function appendHistory(store: DriftStore, a: Approval, by: string): Promise<void> {
  const type = a.status === 'approved' ? 'remediation_approved' : 'remediation_rejected';
  const reason = `${a.status} ${a.executor}${a.dryRun ? ' (dry run)' : ''}${a.comment ? `: ${a.comment}` : ''}`;
  for (let attempt = 0; attempt < 5; attempt++) {
    const record = await store.get(a.driftId);
    if (!record) return;
    try {
      await store.apply([
        remediationHistoryWrite(record, {
          type,
          remediationId: a.id,
          at: a.decidedAt ?? '',
          actor: by,
          reason,
        }),
      ]);
      return;
    } catch (err) {
      if (!isConflict(err)) throw err;
    }
  }
}

export const approvalRoutes: RouteDef[] = [list, get, decideRoute];
