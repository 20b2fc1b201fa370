import {
  SendTaskFailureCommand,
  SendTaskSuccessCommand,
  SFNClient,
  StartExecutionCommand,
  TaskTimedOut,
} from '@aws-sdk/client-sfn';
import { mockClient } from 'aws-sdk-client-mock';
import { afterAll, beforeEach, describe, expect, it } from 'vitest';
import { SfnTaskTokenSender, sfnStartExecution } from '../../../functions/api/step-functions.ts';
import { createRouter } from '../../../lib/api/router.ts';
import type { ApprovalQuery, ApprovalStore } from '../../../lib/core/ports/approval-store.ts';
import type { TaskTokenSender } from '../../../lib/core/ports/task-token-sender.ts';
import {
  type Approval,
  ApprovalConflictError,
  type ApprovalStatus,
} from '../../../lib/core/remediation/index.ts';
import { FakeDriftStore } from './fake-store.ts';
import { driftRecord, fakeLifecycle, NOW } from './fixtures.ts';
import { checkSchema } from './json-schema-check.ts';

const ALICE = 'arn:aws:sts::123456789012:assumed-role/platform-oncall/alice@example.com';
const TOKEN = 'AQCEAAAAKgAAAAMAAAAAAAAAAfake-task-token-never-shown';

/** In-memory ApprovalStore with the adapter's conditional transition. */
class FakeApprovalStore implements ApprovalStore {
  readonly items = new Map<string, Approval>();
  async create(a: Approval) {
    const existing = this.items.get(a.id);
    if (existing) return existing;
    this.items.set(a.id, a);
    return a;
  }
  async get(id: string) {
    return this.items.get(id);
  }
  async list(q: ApprovalQuery) {
    return [...this.items.values()]
      .filter(
        (a) =>
          (q.status === undefined || a.status === q.status) &&
          (q.driftId === undefined || a.driftId === q.driftId),
      )
      .sort((a, b) => b.requestedAt.localeCompare(a.requestedAt))
      .slice(0, q.limit);
  }
  async transition(next: Approval, from: readonly ApprovalStatus[]) {
    const cur = this.items.get(next.id);
    if (!cur || !from.includes(cur.status))
      throw new ApprovalConflictError(next.id, cur?.status ?? 'missing');
    this.items.set(next.id, next);
    return next;
  }
}

class RecordingTasks implements TaskTokenSender {
  readonly sent: unknown[] = [];
  failWith: Error | undefined;
  async succeed(taskToken: string, output: unknown) {
    if (this.failWith) throw this.failWith;
    this.sent.push(['success', taskToken, output]);
  }
  async fail(taskToken: string, error: unknown) {
    this.sent.push(['failure', taskToken, error]);
  }
}

const store = new FakeDriftStore();
const approvals = new FakeApprovalStore();
const tasks = new RecordingTasks();
const responses: { route: string; status: number; body: string }[] = [];
const router = createRouter(
  {
    store,
    lifecycle: fakeLifecycle,
    triggerScan: () => Promise.reject(new Error('no')),
    now: () => NOW,
    approvals,
    tasks,
  },
  { onError: (e) => responses.push({ route: 'unexpected', status: 0, body: String(e) }) },
);

async function call(
  method: string,
  path: string,
  init: { query?: Record<string, string>; body?: unknown; principal?: string } = {},
) {
  const res = await router.handle({
    method,
    path,
    query: init.query ?? {},
    headers: {},
    body:
      init.body === undefined
        ? undefined
        : typeof init.body === 'string'
          ? init.body
          : JSON.stringify(init.body),
    ...(init.principal ? { principal: init.principal } : {}),
  });
  responses.push({ route: `${method} ${path}`, status: res.status, body: res.body });
  return {
    status: res.status,
    body: JSON.parse(res.body) as Record<string, unknown> & { items?: Record<string, unknown>[] },
  };
}

const approval = (id: string, p: Partial<Approval> = {}): Approval => ({
  id,
  driftId: 'd1',
  target: 'prod-eu',
  executor: 'revert-tags',
  dryRun: true,
  status: 'pending',
  requestedAt: '2026-03-14T11:00:00.000Z',
  expiresAt: '2026-03-17T11:00:00.000Z',
  summary: 'revert-tags (dry run) for changed module.network.aws_security_group.web in prod-eu',
  taskToken: TOKEN,
  ...p,
});

beforeEach(() => {
  store.records.clear();
  store.events.clear();
  approvals.items.clear();
  tasks.sent.length = 0;
  tasks.failWith = undefined;
  store.seed(driftRecord({ id: 'd1', version: 3 }));
  approvals.items.set('rem-1', approval('rem-1'));
  approvals.items.set('rem-2', approval('rem-2', { driftId: 'd2', requestedAt: '2026-03-14T11:30:00.000Z' }));
  approvals.items.set(
    'rem-old',
    approval('rem-old', { requestedAt: '2026-03-01T11:00:00.000Z', expiresAt: '2026-03-04T11:00:00.000Z' }),
  );
});

afterAll(async () => {
  // Every answer validates against the schema the OpenAPI document gives for its status.
  const doc = JSON.parse(
    (await router.handle({ method: 'GET', path: '/openapi.json', query: {}, headers: {}, body: undefined }))
      .body,
  );
  expect(Object.keys(doc.paths)).toEqual(expect.arrayContaining(['/approvals', '/approvals/{id}']));
  for (const r of responses) {
    const [method, path] = r.route.split(' ') as [string, string];
    const template = path.startsWith('/approvals/') ? '/approvals/{id}' : '/approvals';
    const schema =
      doc.paths[template][method.toLowerCase()].responses[String(r.status)]?.content?.['application/json']
        ?.schema;
    expect(schema, `${r.route} → ${r.status}`).toBeDefined();
    expect(checkSchema(schema, JSON.parse(r.body), doc), r.route).toEqual([]);
  }
});

describe('GET /approvals', () => {
  it('lists pending approvals newest first, expiry derived, never the task token', async () => {
    const res = await call('GET', '/approvals', { query: { status: 'pending' } });
    expect(res.status).toBe(200);
    expect(res.body.items?.map((a) => [a.id, a.status])).toEqual([
      ['rem-2', 'pending'],
      ['rem-1', 'pending'],
    ]);
    expect(JSON.stringify(res.body)).not.toContain(TOKEN);
    expect(
      (await call('GET', '/approvals', { query: { status: 'expired' } })).body.items?.map((a) => a.id),
    ).toEqual(['rem-old']);
  });

  it('filters by drift', async () => {
    const res = await call('GET', '/approvals', { query: { status: 'pending', driftId: 'd2' } });
    expect(res.body.items?.map((a) => a.id)).toEqual(['rem-2']);
  });

  it('rejects an unknown status with 400', async () => {
    expect((await call('GET', '/approvals', { query: { status: 'maybe' } })).status).toBe(400);
  });
});

describe('GET /approvals/{id}', () => {
  it('answers the approval with its plan summary, or 404', async () => {
    const res = await call('GET', '/approvals/rem-1');
    expect(res.body).toEqual({ ...approval('rem-1'), taskToken: undefined });
    expect(res.body).not.toHaveProperty('taskToken');
    expect((await call('GET', '/approvals/nope')).status).toBe(404);
  });
});

describe('POST /approvals/{id}', () => {
  it('approves as the caller, resumes the workflow by token and writes history', async () => {
    const res = await call('POST', '/approvals/rem-1', {
      principal: ALICE,
      body: { decision: 'approve', comment: ' CHG-1042 ' },
    });
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({
      id: 'rem-1',
      status: 'approved',
      decidedBy: ALICE,
      decidedAt: NOW.toISOString(),
      comment: 'CHG-1042',
    });
    expect(tasks.sent).toEqual([
      ['success', TOKEN, { decision: 'approve', approver: ALICE, comment: 'CHG-1042' }],
    ]);
    expect(store.events.get('d1')?.map((e) => [e.type, e.actor, e.reason])).toEqual([
      ['remediation_approved', ALICE, 'approved revert-tags (dry run): CHG-1042'],
    ]);
    expect(store.records.get('d1')?.version).toBe(4);
  });

  it('rejects with SendTaskFailure(Rejected)', async () => {
    const res = await call('POST', '/approvals/rem-1', { principal: ALICE, body: { decision: 'reject' } });
    expect(res.body.status).toBe('rejected');
    expect(tasks.sent).toEqual([['failure', TOKEN, { error: 'Rejected', cause: `rejected by ${ALICE}` }]]);
  });

  it('answers 409 for a second decision and for an expired approval', async () => {
    await call('POST', '/approvals/rem-1', { principal: ALICE, body: { decision: 'approve' } });
    const again = await call('POST', '/approvals/rem-1', { principal: ALICE, body: { decision: 'reject' } });
    expect(again).toEqual({
      status: 409,
      body: {
        error: 'conflict',
        details: { message: 'the approval is approved, not pending', id: 'rem-1', status: 'approved' },
      },
    });
    const late = await call('POST', '/approvals/rem-old', {
      principal: ALICE,
      body: { decision: 'approve' },
    });
    expect(late.status).toBe(409);
    expect(tasks.sent).toHaveLength(1);
  });

  it('answers 400 for a bad body, 401 without a caller, 404 for an unknown id', async () => {
    expect(
      (await call('POST', '/approvals/rem-1', { principal: ALICE, body: { decision: 'maybe' } })).status,
    ).toBe(400);
    expect(
      (await call('POST', '/approvals/rem-1', { principal: ALICE, body: { decision: 'approve', extra: 1 } }))
        .status,
    ).toBe(400);
    expect((await call('POST', '/approvals/rem-1', { principal: ALICE, body: '{not json' })).status).toBe(
      400,
    );
    expect((await call('POST', '/approvals/rem-1', { body: { decision: 'approve' } })).status).toBe(401);
    expect(
      (await call('POST', '/approvals/nope', { principal: ALICE, body: { decision: 'approve' } })).status,
    ).toBe(404);
    expect(tasks.sent).toEqual([]);
    expect(approvals.items.get('rem-1')?.status).toBe('pending');
  });

  it('marks the approval expired (409) when Step Functions says the task timed out', async () => {
    const timedOut = new Error('Task Timed Out');
    timedOut.name = 'TaskTimedOut';
    tasks.failWith = timedOut;
    const res = await call('POST', '/approvals/rem-1', { principal: ALICE, body: { decision: 'approve' } });
    expect(res.status).toBe(409);
    expect(approvals.items.get('rem-1')).toMatchObject({ status: 'expired', decidedBy: 'driftwatch' });
    expect(store.events.get('d1') ?? []).toEqual([]);
  });
});

describe('without approvals configured', () => {
  it('lists none, knows none, and answers a decision with 503 not_configured', async () => {
    const bare = createRouter({
      store,
      lifecycle: fakeLifecycle,
      triggerScan: () => Promise.reject(new Error('no')),
    });
    const ask = (method: string, path: string, body?: unknown) =>
      bare.handle({
        method,
        path,
        query: {},
        headers: {},
        body: body === undefined ? undefined : JSON.stringify(body),
        principal: ALICE,
      });
    const list = await ask('GET', '/approvals');
    expect([list.status, JSON.parse(list.body)]).toEqual([200, { items: [] }]);
    expect((await ask('GET', '/approvals/rem-1')).status).toBe(404);
    const post = await ask('POST', '/approvals/rem-1', { decision: 'approve' });
    expect(post.status).toBe(503);
    expect(JSON.parse(post.body)).toEqual({
      error: 'not_configured',
      details: { message: 'remediation approvals are not configured' },
    });
  });
});

describe('Step Functions wiring of the API Lambda (functions/api/step-functions.ts)', () => {
  process.env.AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED = 'true';
  const client = () =>
    new SFNClient({ region: 'eu-west-1', credentials: { accessKeyId: 'x', secretAccessKey: 'y' } });

  it('approve → SendTaskSuccess with the decision as output; reject → SendTaskFailure error Rejected', async () => {
    const sfn = mockClient(SFNClient);
    sfn.on(SendTaskSuccessCommand).resolves({});
    sfn.on(SendTaskFailureCommand).resolves({});
    const sender = new SfnTaskTokenSender(client());
    await sender.succeed(TOKEN, { decision: 'approve', approver: ALICE, comment: 'ok' });
    await sender.fail(TOKEN, { error: 'Rejected', cause: 'not now' });
    expect(sfn.commandCalls(SendTaskSuccessCommand)[0]?.args[0].input).toEqual({
      taskToken: TOKEN,
      output: JSON.stringify({ decision: 'approve', approver: ALICE, comment: 'ok' }),
    });
    expect(sfn.commandCalls(SendTaskFailureCommand)[0]?.args[0].input).toEqual({
      taskToken: TOKEN,
      error: 'Rejected',
      cause: 'not now',
    });
    sfn.restore();
  });

  it('a timed-out task surfaces as TaskTimedOut (the route turns it into 409 expired)', async () => {
    const sfn = mockClient(SFNClient);
    sfn.on(SendTaskSuccessCommand).rejects(new TaskTimedOut({ message: 'Task Timed Out', $metadata: {} }));
    const err = await new SfnTaskTokenSender(client())
      .succeed(TOKEN, { decision: 'approve', approver: ALICE })
      .catch((e: unknown) => e);
    expect((err as Error).name).toBe('TaskTimedOut');
    sfn.restore();
  });

  it('POST /scans starts the scan state machine through StartExecution', async () => {
    const sfn = mockClient(SFNClient);
    sfn.on(StartExecutionCommand).resolves({
      executionArn: 'arn:aws:states:eu-west-1:123456789012:execution:driftwatch-scan:scan-1',
      startDate: new Date('2026-03-14T12:00:00.000Z'),
    });
    const started = await sfnStartExecution(client()).startExecution({
      stateMachineArn: 'arn:aws:states:eu-west-1:123456789012:stateMachine:driftwatch-scan',
      name: 'scan-1',
      input: '{"scanId":"scan-1","target":"*","trigger":"api"}',
    });
    expect(started).toEqual({
      executionArn: 'arn:aws:states:eu-west-1:123456789012:execution:driftwatch-scan:scan-1',
    });
    expect(sfn.commandCalls(StartExecutionCommand)[0]?.args[0].input.name).toBe('scan-1');
    sfn.restore();
  });
});
