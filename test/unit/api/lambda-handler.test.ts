import { readFileSync } from 'node:fs';
import { Logger } from '@aws-lambda-powertools/logger';
import { Metrics } from '@aws-lambda-powertools/metrics';
import type { APIGatewayProxyEvent, Context } from 'aws-lambda';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { createApiHandler } from '../../../functions/api/app.ts';
import { type StartExecutionClient, startScanExecution } from '../../../functions/api/start-scan.ts';
import { acknowledge, unacknowledge } from '../../../lib/core/lifecycle/index.ts';
import type { DriftRecord } from '../../../lib/core/model/drift-record.ts';
import { FakeDriftStore } from './fake-store.ts';
import { driftRecord, NOW } from './fixtures.ts';

const GET_EVENT = JSON.parse(
  readFileSync(new URL('./events/rest-iam-get-drift.json', import.meta.url), 'utf8'),
) as APIGatewayProxyEvent;
const ALICE = 'arn:aws:sts::123456789012:assumed-role/platform-oncall/alice@example.com';

const context = {
  callbackWaitsForEmptyEventLoop: true,
  functionName: 'driftwatch-api',
  functionVersion: '$LATEST',
  invokedFunctionArn: 'arn:aws:lambda:eu-west-1:123456789012:function:driftwatch-api',
  memoryLimitInMB: '512',
  awsRequestId: '7f5a9b1e-2c3d-4e5f-8a9b-0c1d2e3f4a5b',
  logGroupName: '/aws/lambda/driftwatch-api',
  logStreamName: '2026/03/14/[$LATEST]0123456789abcdef0123456789abcdef',
  getRemainingTimeInMillis: () => 29_000,
  done: () => undefined,
  fail: () => undefined,
  succeed: () => undefined,
} as Context;

/** A variant of the recorded GET event: another method, path, body or caller. */
function event(p: {
  method?: string;
  path: string;
  body?: string;
  base64?: boolean;
  identity?: 'iam' | 'cognito' | 'anonymous';
}) {
  const e = structuredClone(GET_EVENT);
  e.httpMethod = p.method ?? 'GET';
  e.path = p.path;
  e.body = p.body === undefined ? null : p.base64 ? Buffer.from(p.body).toString('base64') : p.body;
  e.isBase64Encoded = p.base64 === true;
  if (p.identity === 'cognito' || p.identity === 'anonymous') {
    e.requestContext.identity.userArn = null;
    if (p.identity === 'cognito')
      e.requestContext.authorizer = {
        claims: { sub: '0f4c5d6e-1a2b-4c3d-9e8f-7a6b5c4d3e2f', 'cognito:username': 'alice' },
      };
  }
  return e;
}

let out: string[];
let store: FakeDriftStore;
let sfn: { calls: Parameters<StartExecutionClient['startExecution']>[0][]; arn: string | undefined };

function build() {
  const client: StartExecutionClient = {
    startExecution: async (input) => {
      sfn.calls.push(input);
      return {
        executionArn: `arn:aws:states:eu-west-1:123456789012:execution:driftwatch-scan:${input.name}`,
      };
    },
  };
  return createApiHandler({
    store,
    lifecycle: { acknowledge, unacknowledge },
    triggerScan: (input) =>
      startScanExecution(input, {
        stateMachineArn: sfn.arn,
        client,
        now: () => NOW,
        random: () => 'a1b2c3d4',
      }),
    logger: new Logger({ serviceName: 'driftwatch-api' }),
    metrics: new Metrics({ namespace: 'driftwatch', serviceName: 'driftwatch-api' }),
    now: () => NOW,
  });
}

const jsonLines = () =>
  out
    .flatMap((s) => s.split('\n'))
    .filter((l) => l.startsWith('{'))
    .map((l) => JSON.parse(l));

beforeEach(() => {
  out = [];
  // Powertools writes EMF and logs through its own Console on the process streams (errors on stderr).
  for (const stream of [process.stdout, process.stderr])
    vi.spyOn(stream, 'write').mockImplementation((chunk: string | Uint8Array) => {
      out.push(String(chunk));
      return true;
    });
  store = new FakeDriftStore().seed(driftRecord({ id: 'prod-eu/sg-web', version: 2 }));
  sfn = { calls: [], arn: 'arn:aws:states:eu-west-1:123456789012:stateMachine:driftwatch-scan' };
});
afterEach(() => vi.restoreAllMocks());

describe('API Gateway handler (middy)', () => {
  it('answers a REST proxy event and emits EMF request metrics and a request log with the request id', async () => {
    const res = await build()(GET_EVENT, context);
    expect(res.statusCode).toBe(200);
    expect(res.headers?.['content-type']).toBe('application/json; charset=utf-8');
    expect((JSON.parse(res.body) as DriftRecord).id).toBe('prod-eu/sg-web');
    const lines = jsonLines();
    const emf = lines.find((l) =>
      l._aws?.CloudWatchMetrics?.[0]?.Metrics?.some((m: { Name: string }) => m.Name === 'Requests'),
    );
    expect(emf).toMatchObject({
      route: '/drifts/{id}',
      method: 'GET',
      status: '200',
      Requests: 1,
      service: 'driftwatch-api',
    });
    expect(emf._aws.CloudWatchMetrics[0].Namespace).toBe('driftwatch');
    const log = lines.find((l) => l.message === 'request');
    expect(log).toMatchObject({
      route: '/drifts/{id}',
      status: 200,
      apiRequestId: 'c6af9ac6-7b61-11e6-9a41-93e8deadbeef',
      function_request_id: '7f5a9b1e-2c3d-4e5f-8a9b-0c1d2e3f4a5b',
    });
  });

  it('acknowledges as the IAM caller from a base64 body', async () => {
    const res = await build()(
      event({
        method: 'POST',
        path: '/drifts/prod-eu%2Fsg-web/acknowledge',
        body: '{"reason":"INC-4711 hotfix"}',
        base64: true,
      }),
      context,
    );
    expect(res.statusCode).toBe(200);
    expect(store.records.get('prod-eu/sg-web')?.acknowledgement).toMatchObject({
      by: ALICE,
      reason: 'INC-4711 hotfix',
    });
  });

  it('takes the Cognito user as the caller, and refuses an anonymous acknowledgement', async () => {
    const handler = build();
    const body = '{"reason":"known"}';
    const cognito = await handler(
      event({ method: 'POST', path: '/drifts/prod-eu%2Fsg-web/acknowledge', body, identity: 'cognito' }),
      context,
    );
    expect(cognito.statusCode).toBe(200);
    expect(store.records.get('prod-eu/sg-web')?.acknowledgement?.by).toBe('cognito:alice');
    const anon = await handler(
      event({ method: 'POST', path: '/drifts/prod-eu%2Fsg-web/unacknowledge', identity: 'anonymous' }),
      context,
    );
    expect(anon.statusCode).toBe(401);
  });

  it('starts the scan state machine with the scan id as execution name and records the scan', async () => {
    const res = await build()(
      event({ method: 'POST', path: '/scans', body: '{"target":"prod-eu"}' }),
      context,
    );
    expect(res.statusCode).toBe(202);
    const scanId = 'scan-2026-03-14T12-00-00-000Z-a1b2c3d4';
    expect(JSON.parse(res.body)).toMatchObject({ scanId, target: 'prod-eu', status: 'running' });
    expect(sfn.calls).toEqual([
      {
        stateMachineArn: 'arn:aws:states:eu-west-1:123456789012:stateMachine:driftwatch-scan',
        name: scanId,
        input: JSON.stringify({ scanId, target: 'prod-eu', trigger: 'api' }),
      },
    ]);
    expect(store.scans.get(scanId)?.status).toBe('running');
  });

  it('answers 503 not_configured when SCAN_STATE_MACHINE_ARN is absent', async () => {
    sfn.arn = undefined;
    const res = await build()(event({ method: 'POST', path: '/scans' }), context);
    expect(res.statusCode).toBe(503);
    expect(JSON.parse(res.body)).toEqual({
      error: 'not_configured',
      details: { message: 'scan trigger not configured: SCAN_STATE_MACHINE_ARN is not set' },
    });
    expect(sfn.calls).toEqual([]);
  });

  it('answers 500 without internals and logs the error for operators', async () => {
    store.failure = new Error(
      'AccessDeniedException: User arn:aws:sts::123456789012:assumed-role/x is not authorized',
    );
    const res = await build()(event({ path: '/drifts' }), context);
    expect(res.statusCode).toBe(500);
    expect(JSON.parse(res.body)).toEqual({ error: 'internal_error', details: null });
    const logged = jsonLines().find((l) => l.message === 'unexpected error');
    expect(logged?.error?.message).toContain('AccessDeniedException');
    expect(jsonLines().find((l) => l._aws)).toMatchObject({ status: '500', ServerErrors: 1 });
  });
});

describe('handler wiring from the environment', () => {
  it('builds the handler from TABLE_NAME with a real Step Functions client', async () => {
    vi.stubEnv('TABLE_NAME', 'driftwatch-test');
    vi.stubEnv('AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED', 'true');
    const mod = await import('../../../functions/api/handler.ts');
    expect(typeof mod.handler).toBe('function');
    expect(typeof mod.stepFunctionsClient().startExecution).toBe('function');
    expect(mod.depsFromEnv({ TABLE_NAME: 'driftwatch-prod' }).store.tableName).toBe('driftwatch-prod');
    expect(() => mod.depsFromEnv({})).toThrow('TABLE_NAME is not set');
    await expect(mod.depsFromEnv({ TABLE_NAME: 't' }).triggerScan({})).rejects.toThrow(
      'scan trigger not configured: SCAN_STATE_MACHINE_ARN is not set',
    );
    vi.unstubAllEnvs();
  });
});
