import { readFileSync } from 'node:fs';
import { Logger } from '@aws-lambda-powertools/logger';
import { Metrics } from '@aws-lambda-powertools/metrics';
import {
  ResourceGroupsTaggingAPIClient,
  TagResourcesCommand,
  UntagResourcesCommand,
} from '@aws-sdk/client-resource-groups-tagging-api';
import type { APIGatewayProxyEvent } from 'aws-lambda';
import { StateMachine } from 'aws-local-stepfunctions';
import { mockClient } from 'aws-sdk-client-mock';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApiHandler } from '../../../functions/api/app.ts';
import { createRemediationApprovalHandler } from '../../../functions/remediation-approval/handler.ts';
import { createRemediationExecuteHandler } from '../../../functions/remediation-execute/handler.ts';
import type { RemediationDeps } from '../../../functions/remediation-plan/deps.ts';
import { createRemediationPlanHandler } from '../../../functions/remediation-plan/handler.ts';
import { createRemediationRecordHandler } from '../../../functions/remediation-record/handler.ts';
import { createRemediationVerifyHandler } from '../../../functions/remediation-verify/handler.ts';
import { NotifyOnlyExecutor } from '../../../lib/adapters/remediation/notify-only/index.ts';
import { RevertTagsExecutor } from '../../../lib/adapters/remediation/revert-tags/index.ts';
import { createRouter } from '../../../lib/api/router.ts';
import type { Router } from '../../../lib/api/types.ts';
import { acknowledge, unacknowledge } from '../../../lib/core/lifecycle/index.ts';
import type { DriftRecord } from '../../../lib/core/model/drift-record.ts';
import {
  driftDetectedEvent,
  lambdaContext,
  type RemediationHarness,
  remediationConfig,
  remediationDefinition,
  startRemediationHarness,
  tagDrift,
  withApprovalTimeout,
} from './harness.ts';
import { LocalTaskTokens } from './local-tasks.ts';

const ALICE = 'arn:aws:sts::123456789012:assumed-role/platform-oncall/alice@example.com';
const BOB = 'arn:aws:iam::123456789012:user/bob';

let h: RemediationHarness;
let definition: Record<string, unknown>;
const tagging = mockClient(ResourceGroupsTaggingAPIClient);

beforeAll(async () => {
  h = await startRemediationHarness();
  definition = await remediationDefinition();
}, 120_000);
afterAll(async () => {
  tagging.restore();
  await h?.close();
});

/** Runs one execution with every Lambda task bound in-process to the real handler. */
function runExecution(
  def: Record<string, unknown>,
  input: Record<string, unknown>,
  deps: RemediationDeps,
  tokens: LocalTaskTokens,
  token: string,
) {
  const ctx = (n: string) => lambdaContext(n);
  const plan = createRemediationPlanHandler(deps);
  const approval = createRemediationApprovalHandler(deps);
  const execute = createRemediationExecuteHandler({
    ...deps,
    executors: {
      'notify-only': new NotifyOnlyExecutor(),
      'revert-tags': new RevertTagsExecutor(
        () => new ResourceGroupsTaggingAPIClient({ region: 'us-east-1' }),
      ),
    },
  });
  // The bucket's tags are back: a rescan no longer finds the drift.
  const verify = createRemediationVerifyHandler({
    ...deps,
    rescan: async () => ({ stillDrifted: false, complete: true }),
  });
  const record = createRemediationRecordHandler(deps);
  const invoke =
    (fn: (e: unknown, c: ReturnType<typeof ctx>) => Promise<unknown>, name: string) => (input: unknown) =>
      fn(input, ctx(name)) as Promise<never>;
  const sm = new StateMachine(def as never, { validationOptions: { checkArn: false, checkPaths: false } });
  return sm.run(input as never, {
    overrides: {
      taskResourceLocalHandlers: {
        BuildPlan: invoke(plan, 'RemediationPlan'),
        RequestApproval: async (input: unknown) => {
          const payload = (input as { Payload: { taskToken: string } }).Payload;
          // As on AWS: the Lambda stores the approval, then the task waits for its token.
          await approval(payload, ctx('RemediationApproval'));
          return (await tokens.wait(payload.taskToken)) as never;
        },
        Execute: invoke(execute, 'RemediationExecute'),
        Verify: invoke(verify, 'RemediationVerify'),
        Record: invoke(record, 'RemediationRecord'),
        Rejected: invoke(record, 'RemediationRecord'),
        Expired: invoke(record, 'RemediationRecord'),
        Failed: invoke(record, 'RemediationRecord'),
      },
    },
    context: { Task: { Token: token } },
  });
}

function apiRouter(deps: RemediationDeps, tokens: LocalTaskTokens): Router {
  return createRouter({
    store: deps.store,
    lifecycle: { acknowledge, unacknowledge },
    triggerScan: () => Promise.reject(new Error('not in this test')),
    approvals: deps.approvals,
    tasks: tokens,
  });
}

/** The API Lambda (functions/api) as API Gateway invokes it: IAM-signed POST, caller from requestContext. */
async function decideThroughLambda(
  deps: RemediationDeps,
  tokens: LocalTaskTokens,
  id: string,
  body: unknown,
) {
  const recorded = JSON.parse(
    readFileSync(new URL('../../unit/api/events/rest-iam-get-drift.json', import.meta.url), 'utf8'),
  ) as APIGatewayProxyEvent;
  const event = { ...recorded, httpMethod: 'POST', path: `/approvals/${id}`, body: JSON.stringify(body) };
  event.requestContext = { ...recorded.requestContext, httpMethod: 'POST', path: `/prod/approvals/${id}` };
  const handler = createApiHandler({
    store: deps.store,
    lifecycle: { acknowledge, unacknowledge },
    triggerScan: () => Promise.reject(new Error('not in this test')),
    logger: new Logger({ serviceName: 'driftwatch-api', logLevel: 'SILENT' }),
    metrics: new Metrics({ namespace: 'driftwatch', serviceName: 'driftwatch-api' }),
    approvals: deps.approvals,
    tasks: tokens,
  });
  return handler(event, lambdaContext('driftwatch-api'));
}

const decide = (router: Router, id: string, principal: string, body: unknown) =>
  router.handle({
    method: 'POST',
    path: `/approvals/${id}`,
    query: {},
    headers: {},
    body: JSON.stringify(body),
    principal,
  });

async function historyOf(r: DriftRecord) {
  const page = await h.store.history(r.id, 50);
  return page.items.map((e) => [e.type, e.actor, e.reason]).reverse();
}

const eventsOf = (driftId: string) =>
  h.published.filter((p) => p.detail.driftId === driftId).map((p) => [p.detailType, p.detail.actor ?? null]);

describe('remediation state machine (synthesized ASL, aws-local-stepfunctions, dynalite)', () => {
  it('runs the synthesized definition: task-token wait with the Rejected / Timeout / ALL catches', () => {
    const wait = (definition as { States: Record<string, Record<string, unknown>> }).States.RequestApproval!;
    expect(wait.Resource).toBe('arn:aws:states:::lambda:invoke.waitForTaskToken');
    expect(wait.Parameters).toEqual({
      FunctionName: 'arn:aws:lambda:us-east-1:123456789012:function:RemediationApproval',
      Payload: { 'taskToken.$': '$$.Task.Token', 'remediation.$': '$' },
    });
    expect(
      (wait.Catch as { ErrorEquals: string[]; Next: string }[]).map((c) => [c.ErrorEquals, c.Next]),
    ).toEqual([
      [['Rejected'], 'Rejected'],
      [['States.Timeout', 'States.HeartbeatTimeout'], 'Expired'],
      [['States.ALL'], 'Failed'],
    ]);
    expect([wait.TimeoutSeconds, wait.HeartbeatSeconds]).toEqual([3600, 3540]);
  });

  it('APPROVED through the API Lambda (POST /approvals/{id}): resumes by task token, tags reverted live, executed + history', async () => {
    tagging.reset();
    tagging.on(TagResourcesCommand).resolves({ FailedResourcesMap: {} });
    tagging.on(UntagResourcesCommand).resolves({ FailedResourcesMap: {} });
    const r = tagDrift('approved-bucket');
    await h.seed(r);
    const deps = h.deps(remediationConfig('revert-tags', false));
    const tokens = new LocalTaskTokens();
    const router = apiRouter(deps, tokens);
    const exec = runExecution(definition, driftDetectedEvent(r), deps, tokens, 'token-approve-1');
    await tokens.waiting('token-approve-1');
    const pending = await router.handle({
      method: 'GET',
      path: '/approvals',
      query: { status: 'pending', driftId: r.id },
      headers: {},
      body: undefined,
    });
    const items = (JSON.parse(pending.body) as { items: { id: string; status: string; summary: string }[] })
      .items;
    expect(items).toHaveLength(1);
    expect(pending.body).not.toContain('token-approve-1');
    const id = items[0]!.id;

    // Through the API Lambda: the IAM principal of the signed request is the approver.
    const res = await decideThroughLambda(deps, tokens, id, { decision: 'approve', comment: 'CHG-1042' });
    expect(res.statusCode).toBe(200);
    expect(JSON.parse(res.body)).toMatchObject({
      id,
      status: 'approved',
      decidedBy: ALICE,
      comment: 'CHG-1042',
    });
    const out = (await exec.result) as Record<string, unknown>;
    expect(out).toEqual({ remediationId: id, outcome: 'executed', status: 'executed' });

    expect(tagging.commandCalls(TagResourcesCommand).map((c) => c.args[0].input)).toEqual([
      { ResourceARNList: ['arn:aws:s3:::approved-bucket'], Tags: { env: 'prod', owner: 'platform' } },
    ]);
    expect(tokens.sent).toEqual([
      {
        taskToken: 'token-approve-1',
        outcome: 'success',
        payload: { decision: 'approve', approver: ALICE, comment: 'CHG-1042' },
      },
    ]);
    expect((await h.approvals.get(id))?.status).toBe('executed');
    expect(eventsOf(r.id)).toEqual([
      ['RemediationRequested', null],
      ['RemediationApproved', ALICE],
      ['RemediationExecuted', null],
    ]);
    const executed = h.published.find(
      (p) => p.detailType === 'RemediationExecuted' && p.detail.driftId === r.id,
    );
    expect(executed?.detail).toMatchObject({
      remediationId: id,
      executor: 'revert-tags',
      dryRun: false,
      actions: 1,
      verified: true,
    });
    const history = await historyOf(r);
    expect(history.map((e) => e.slice(0, 2))).toEqual([
      ['opened', undefined],
      ['remediation_requested', 'driftwatch'],
      ['remediation_approved', ALICE],
      ['remediation_executed', 'driftwatch'],
    ]);
    expect(history[3]![2]).toMatch(
      /^approved by arn:aws:sts::123456789012:assumed-role\/platform-oncall\/alice@example\.com at 20\d\d-.*; ran revert-tags: set tags env, owner; verified: yes$/,
    );
    // A second decision is a conflict.
    expect((await decide(router, id, BOB, { decision: 'reject' })).status).toBe(409);
    // Nothing published carries the task token.
    expect(JSON.stringify(h.published)).not.toContain('token-approve-1');
  }, 20_000);

  it('REJECTED: SendTaskFailure(Rejected) → Rejected → Succeed, with who and why', async () => {
    const r = tagDrift('rejected-bucket');
    await h.seed(r);
    const deps = h.deps(remediationConfig('revert-tags', true));
    const tokens = new LocalTaskTokens();
    const router = apiRouter(deps, tokens);
    const exec = runExecution(definition, driftDetectedEvent(r), deps, tokens, 'token-reject-1');
    await tokens.waiting('token-reject-1');
    const [approval] = await h.approvals.list({ driftId: r.id, limit: 5 });
    const res = await decide(router, approval!.id, BOB, {
      decision: 'reject',
      comment: 'owner restores by hand',
    });
    expect(res.status).toBe(200);
    const out = await exec.result;
    expect(out).toEqual({ remediationId: approval!.id, outcome: 'rejected', status: 'rejected' });
    expect((await h.approvals.get(approval!.id))?.status).toBe('rejected');
    expect(eventsOf(r.id)).toEqual([
      ['RemediationRequested', null],
      ['RemediationRejected', BOB],
    ]);
    expect(
      h.published.find((p) => p.detailType === 'RemediationRejected' && p.detail.driftId === r.id)?.detail
        .reason,
    ).toBe('owner restores by hand');
    const history = await historyOf(r);
    expect(history.map((e) => e.slice(0, 2))).toEqual([
      ['opened', undefined],
      ['remediation_requested', 'driftwatch'],
      ['remediation_rejected', BOB],
    ]);
    expect(
      tagging
        .commandCalls(TagResourcesCommand)
        .filter((c) => c.args[0].input.ResourceARNList?.[0]?.includes('rejected')),
    ).toEqual([]);
  }, 20_000);

  it('TIMED OUT: States.Timeout → Expired → Succeed; the approval is expired and refuses a late decision', async () => {
    const r = tagDrift('expired-bucket');
    await h.seed(r);
    const deps = h.deps(remediationConfig('revert-tags', true));
    const tokens = new LocalTaskTokens();
    const router = apiRouter(deps, tokens);
    const started = Date.now();
    const exec = runExecution(
      withApprovalTimeout(definition, 1),
      driftDetectedEvent(r),
      deps,
      tokens,
      'token-expire-1',
    );
    const out = await exec.result;
    expect(Date.now() - started).toBeGreaterThanOrEqual(1000);
    const [approval] = await h.approvals.list({ driftId: r.id, limit: 5 });
    expect(out).toEqual({ remediationId: approval!.id, outcome: 'expired', status: 'expired' });
    expect(approval).toMatchObject({ status: 'expired', decidedBy: 'driftwatch' });
    expect(eventsOf(r.id)).toEqual([
      ['RemediationRequested', null],
      ['RemediationRejected', 'driftwatch'],
    ]);
    expect(
      h.published.find((p) => p.detailType === 'RemediationRejected' && p.detail.driftId === r.id)?.detail
        .reason,
    ).toBe('expired');
    const history = await historyOf(r);
    expect(history.map((e) => e.slice(0, 2))).toEqual([
      ['opened', undefined],
      ['remediation_requested', 'driftwatch'],
      ['remediation_expired', 'driftwatch'],
    ]);
    const late = await decide(router, approval!.id, ALICE, { decision: 'approve' });
    expect(late.status).toBe(409);
    expect(JSON.parse(late.body)).toEqual({
      error: 'conflict',
      details: { message: 'the approval is expired, not pending', id: approval!.id, status: 'expired' },
    });
    expect(tokens.sent).toEqual([]);
  }, 20_000);
});
