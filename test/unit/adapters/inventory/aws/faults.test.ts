import { afterEach, describe, expect, it } from 'vitest';
import { runScan } from '../../../../../lib/core/engine/scan.ts';
import { defaultClassifier, defaultRegistry } from '../../../../../lib/runtime/compose.ts';
import { type FakeAwsServer, startFakeAwsServer } from '../../../../fakes/aws-api-server.ts';
import { stateRes, testHasher } from '../../../../helpers/builders.ts';
import { ec2Instance, scopeWith } from './fixtures.ts';
import { A, assumeRole, B, inventory } from './helpers.ts';

let server: FakeAwsServer | undefined;
afterEach(async () => {
  await server?.close();
  server = undefined;
});

const throttle = { status: 400, type: 'ThrottlingException', message: 'Rate exceeded' };

describe('AwsInventory under faults (real SDK retry middleware)', () => {
  it('retries a throttling burst with backoff, then succeeds', async () => {
    server = await startFakeAwsServer({ baseAccount: A, scopes: [scopeWith(A, 'eu-west-1', 150)] });
    server.inject({ service: 'config', operation: 'SelectResourceConfig', times: 3, respond: throttle });
    const { inv, calls, retries } = inventory(
      server,
      { accounts: [A], regions: ['eu-west-1'] },
      { maxAttempts: 5 },
    );
    const snap = await inv.read();
    expect(snap.resources).toHaveLength(150);
    expect(snap.coverage.find((e) => e.scope === `aws:${A}:eu-west-1`)!.complete).toBe(true);
    // 2 pages sent once each by us; the server saw 3 throttled attempts more.
    expect(calls.get('SelectResourceConfig')).toBe(2);
    expect(server.count('SelectResourceConfig')).toBe(5);
    expect(retries).toHaveLength(3);
    // Throttling backoff: full jitter under base (1000 ms SDK throttling base scaled by 1/50 = 20 ms) × 2^n.
    retries.forEach((d, i) => {
      expect(d).toBeGreaterThanOrEqual(0);
      expect(d).toBeLessThanOrEqual(20 * 2 ** (i + 1));
    });
    // The SDK really waited: the first page's 4 attempts are spread by at least the summed delays.
    const t = server.calls.filter((c) => c.operation === 'SelectResourceConfig').map((c) => c.at);
    const waited = retries.reduce((a, b) => a + b, 0);
    expect(t[3]! - t[0]!).toBeGreaterThanOrEqual(waited - 3);
  });

  it('retries 5xx answers and succeeds', async () => {
    server = await startFakeAwsServer({ baseAccount: A, scopes: [scopeWith(A, 'eu-west-1', 3)] });
    server.inject({
      service: 'config',
      operation: 'DescribeConfigurationRecorders',
      times: 2,
      respond: {
        status: 500,
        type: 'InternalFailure',
        message: 'The request processing has failed because of an unknown error, exception or failure.',
      },
    });
    const { inv, retries } = inventory(server, { accounts: [A], regions: ['eu-west-1'] });
    const snap = await inv.read();
    expect(snap.resources).toHaveLength(3);
    expect(server.count('DescribeConfigurationRecorders')).toBe(3);
    expect(retries).toHaveLength(2);
  });

  it('gives up after maxAttempts of throttling: that scope incomplete with a one-line reason, others complete', async () => {
    server = await startFakeAwsServer({
      baseAccount: A,
      scopes: [scopeWith(A, 'eu-west-1', 3), scopeWith(A, 'us-east-1', 4)],
    });
    server.inject({
      service: 'config',
      operation: 'SelectResourceConfig',
      region: 'eu-west-1',
      times: Number.POSITIVE_INFINITY,
      respond: throttle,
    });
    const { inv } = inventory(
      server,
      { accounts: [A], regions: ['eu-west-1', 'us-east-1'] },
      { maxAttempts: 3 },
    );
    const snap = await inv.read();
    expect(server.count('SelectResourceConfig', { region: 'eu-west-1' })).toBe(3);
    expect(snap.resources.map((r) => r.scope)).toEqual(Array(4).fill(`aws:${A}:us-east-1`));
    const ev = new Map(snap.coverage.map((e) => [e.scope, e]));
    expect(ev.get(`aws:${A}:eu-west-1`)).toMatchObject({
      complete: false,
      reason: `config:SelectResourceConfig in aws:${A}:eu-west-1 failed: ThrottlingException: Rate exceeded (after 3 attempts)`,
    });
    // eu-west-1 records the global IAM types too: its failure leaves them unread as well.
    expect(ev.get(`aws:${A}:global`)!.complete).toBe(false);
    expect(ev.get(`aws:${A}:us-east-1`)!.complete).toBe(true);
  });

  it('times out a hanging server per attempt and reports the scope incomplete', async () => {
    server = await startFakeAwsServer({
      baseAccount: A,
      scopes: [scopeWith(A, 'eu-west-1', 1), scopeWith(A, 'us-east-1', 2)],
    });
    server.inject({
      service: 'config',
      operation: 'DescribeConfigurationRecorderStatus',
      region: 'eu-west-1',
      times: Number.POSITIVE_INFINITY,
      respond: 'hang',
    });
    const { inv } = inventory(
      server,
      { accounts: [A], regions: ['eu-west-1', 'us-east-1'] },
      { maxAttempts: 2, requestTimeoutMs: 150 },
    );
    const started = Date.now();
    const snap = await inv.read();
    const took = Date.now() - started;
    expect(took).toBeGreaterThanOrEqual(300);
    expect(took).toBeLessThan(5_000);
    expect(server.count('DescribeConfigurationRecorderStatus', { region: 'eu-west-1' })).toBe(2);
    const failed = snap.coverage.find((e) => e.scope === `aws:${A}:eu-west-1`)!;
    expect(failed.complete).toBe(false);
    expect(failed.reason).toMatch(
      new RegExp(
        `^config:DescribeConfigurationRecorders in aws:${A}:eu-west-1 failed: TimeoutError: .*150 ?ms.*\\(after 2 attempts\\)$`,
      ),
    );
    expect(snap.resources).toHaveLength(2);
  });

  it('reports AccessDenied on Config as an incomplete scope', async () => {
    server = await startFakeAwsServer({ baseAccount: A, scopes: [scopeWith(A, 'eu-west-1', 1)] });
    const message = `User: arn:aws:iam::${A}:user/scanner is not authorized to perform: config:SelectResourceConfig because no identity-based policy allows the config:SelectResourceConfig action`;
    server.inject({
      service: 'config',
      operation: 'SelectResourceConfig',
      times: 1,
      respond: { status: 400, type: 'AccessDeniedException', message },
    });
    const { inv, retries } = inventory(server, { accounts: [A], regions: ['eu-west-1'] });
    const snap = await inv.read();
    expect(retries).toEqual([]);
    expect(snap.coverage[0]).toMatchObject({
      complete: false,
      reason: `config:SelectResourceConfig in aws:${A}:eu-west-1 failed: AccessDeniedException: ${message}`,
    });
  });
});

describe('AccessDenied on AssumeRole for one account: zero false missing (real engine)', () => {
  it('leaves that account not checked while the other account still reports changed and missing drift', async () => {
    const live = ec2Instance(B, 'eu-west-1', 'i-0b0000000000000b1', { instanceType: 't3.large' });
    server = await startFakeAwsServer({
      baseAccount: '999999999999',
      scopes: [
        scopeWith(A, 'eu-west-1', 2),
        scopeWith(A, 'us-east-1', 1),
        { ...scopeWith(B, 'eu-west-1', 0), items: [live] },
      ],
    });
    const denied = `User: arn:aws:sts::999999999999:assumed-role/scanner/runner is not authorized to perform: sts:AssumeRole on resource: arn:aws:iam::${A}:role/DriftwatchReadOnly`;
    server.inject({
      service: 'sts',
      operation: 'AssumeRole',
      account: A,
      times: Number.POSITIVE_INFINITY,
      respond: { status: 403, type: 'AccessDenied', message: denied },
    });
    const { inv } = inventory(server, { accounts: [A, B], regions: ['eu-west-1', 'us-east-1'], assumeRole });
    const inventorySnapshot = await inv.read();

    // One AssumeRole per account, the failure not retried per region.
    expect(server.count('AssumeRole', { account: A })).toBe(1);
    expect(server.count('SelectResourceConfig', { account: A })).toBe(0);
    const ev = new Map(inventorySnapshot.coverage.map((e) => [e.scope, e]));
    const reason = `sts:AssumeRole into arn:aws:iam::${A}:role/DriftwatchReadOnly failed: AccessDenied: ${denied}`;
    expect(ev.get(`aws:${A}:eu-west-1`)).toMatchObject({ complete: false, reason });
    expect(ev.get(`aws:${A}:us-east-1`)).toMatchObject({ complete: false, reason });
    expect(inventorySnapshot.resources.every((r) => r.scope.startsWith(`aws:${B}:`))).toBe(true);

    const instance = (name: string, account: string, id: string, type: string) =>
      stateRes({
        type: 'aws_instance',
        name,
        id,
        attributes: {
          id,
          arn: `arn:aws:ec2:eu-west-1:${account}:instance/${id}`,
          instance_type: type,
          tags: { Name: 'web', env: 'prod' },
        },
      });
    const report = runScan({
      states: [
        instance('in_denied_account', A, 'i-0a0000000000000a1', 't3.micro'),
        instance('changed', B, 'i-0b0000000000000b1', 't3.micro'),
        instance('deleted', B, 'i-0b0000000000000b2', 't3.micro'),
      ],
      inventory: inventorySnapshot,
      registry: defaultRegistry(),
      hasher: testHasher,
      classify: defaultClassifier,
      now: () => new Date('2026-11-24T06:00:00Z'),
    });
    const drifts = [...report.drifts].sort((x, y) => String(x.address).localeCompare(String(y.address)));
    expect(drifts.map((d) => [d.kind, d.address])).toEqual([
      ['changed', 'aws_instance.changed'],
      ['missing', 'aws_instance.deleted'],
    ]);
    expect(drifts[0]!.changes).toEqual([{ path: 'instance_type', desired: 't3.micro', actual: 't3.large' }]);
    expect(report.notChecked).toEqual([
      expect.objectContaining({
        address: 'aws_instance.in_denied_account',
        reason: `scope aws:${A}:eu-west-1 incomplete: ${reason}`,
      }),
    ]);
  });
});
