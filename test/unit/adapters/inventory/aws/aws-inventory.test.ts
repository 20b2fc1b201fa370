import { afterEach, describe, expect, it } from 'vitest';
import {
  AwsInventoryConfigError,
  configRecordableTypes,
} from '../../../../../lib/adapters/inventory/aws/index.ts';
import { type FakeAwsServer, type FakeScope, startFakeAwsServer } from '../../../../fakes/aws-api-server.ts';
import {
  allSupported,
  ec2Instance,
  exclusion,
  iamRole,
  inclusion,
  s3Bucket,
  scopeWith,
  securityGroup,
} from './fixtures.ts';
import { A, assumeRole, B, inventory } from './helpers.ts';

let server: FakeAwsServer | undefined;
afterEach(async () => {
  await server?.close();
  server = undefined;
});

describe('AwsInventory (per account+region through AWS Config)', () => {
  it('pages SelectResourceConfig by NextToken (3 pages) and converts every row', async () => {
    const extra = [
      s3Bucket(A, 'eu-west-1', 'dw-logs-a'),
      securityGroup(A, 'eu-west-1', 'sg-0f0c7b1a6b3bEXAMPLE'),
    ];
    server = await startFakeAwsServer({ baseAccount: A, scopes: [scopeWith(A, 'eu-west-1', 248, extra)] });
    const { inv, calls } = inventory(server, { accounts: [A], regions: ['eu-west-1'] });
    const snap = await inv.read();
    expect(snap.resources).toHaveLength(250);
    expect(server.count('SelectResourceConfig')).toBe(3);
    const selects = server.calls.filter((c) => c.operation === 'SelectResourceConfig');
    expect(selects.map((c) => c.params.Limit)).toEqual([100, 100, 100]);
    expect(selects[0]!.params.NextToken).toBeUndefined();
    expect(typeof selects[1]!.params.NextToken).toBe('string');
    expect(selects[0]!.params.Expression).toBe(
      'SELECT resourceId, resourceName, resourceType, arn, accountId, awsRegion, availabilityZone, configuration, supplementaryConfiguration, tags, configurationItemCaptureTime, configurationItemStatus',
    );
    expect(Object.fromEntries(calls)).toEqual({
      GetCallerIdentity: 1,
      DescribeConfigurationRecorders: 1,
      DescribeConfigurationRecorderStatus: 1,
      SelectResourceConfig: 3,
    });
    const bucket = snap.resources.find((r) => r.nativeType === 'AWS::S3::Bucket')!;
    expect(bucket).toMatchObject({
      id: 'arn:aws:s3:::dw-logs-a',
      ids: ['arn:aws:s3:::dw-logs-a', 'dw-logs-a'],
      scope: 'aws:111111111111:eu-west-1',
      tags: { team: 'data' },
      capturedAt: '2026-11-20T09:14:31.118Z',
      source: 'aws-config:111111111111:eu-west-1',
    });
    expect(bucket.supplementary?.BucketVersioningConfiguration).toEqual({
      status: 'Enabled',
      isMfaDeleteEnabled: null,
    });
    const instance = snap.resources.find((r) => r.nativeType === 'AWS::EC2::Instance')!;
    expect(instance.attributes?.instanceType).toBe('t3.micro');
    expect(instance.tags).toEqual({ Name: 'web', env: 'prod' });
  });

  it('assumes the role once per account with ExternalId and session name, and reads each account with its session', async () => {
    const scopes: FakeScope[] = [
      scopeWith(A, 'eu-west-1', 2),
      scopeWith(A, 'us-east-1', 1),
      scopeWith(B, 'eu-west-1', 3),
      scopeWith(B, 'us-east-1', 0),
    ];
    server = await startFakeAwsServer({ baseAccount: '999999999999', scopes });
    const { inv } = inventory(server, { accounts: [A, B], regions: ['eu-west-1', 'us-east-1'], assumeRole });
    const snap = await inv.read();
    const assumes = server.calls.filter((c) => c.operation === 'AssumeRole');
    expect(
      assumes.map((c) => c.params).sort((x, y) => String(x.RoleArn).localeCompare(String(y.RoleArn))),
    ).toEqual([
      {
        Action: 'AssumeRole',
        Version: '2011-06-15',
        RoleArn: `arn:aws:iam::${A}:role/DriftwatchReadOnly`,
        RoleSessionName: 'driftwatch-scan',
        ExternalId: 'dw-ext-7f3a9c',
        DurationSeconds: '3600',
      },
      {
        Action: 'AssumeRole',
        Version: '2011-06-15',
        RoleArn: `arn:aws:iam::${B}:role/DriftwatchReadOnly`,
        RoleSessionName: 'driftwatch-scan',
        ExternalId: 'dw-ext-7f3a9c',
        DurationSeconds: '3600',
      },
    ]);
    // The fake attributes a call to the account whose session key signed it.
    expect(server.count('SelectResourceConfig', { account: A })).toBe(2);
    expect(server.count('SelectResourceConfig', { account: B })).toBe(2);
    expect(server.count('SelectResourceConfig', { account: '999999999999' })).toBe(0);
    const perScope = new Map<string, number>();
    for (const r of snap.resources) perScope.set(r.scope, (perScope.get(r.scope) ?? 0) + 1);
    expect(Object.fromEntries(perScope)).toEqual({
      'aws:111111111111:eu-west-1': 2,
      'aws:111111111111:us-east-1': 1,
      'aws:222222222222:eu-west-1': 3,
    });
    expect(snap.coverage.map((e) => [e.scope, e.complete])).toEqual([
      ['aws:111111111111:eu-west-1', true],
      ['aws:111111111111:global', true],
      ['aws:111111111111:us-east-1', true],
      ['aws:222222222222:eu-west-1', true],
      ['aws:222222222222:global', true],
      ['aws:222222222222:us-east-1', true],
    ]);
  });

  it('builds the role ARN from roleArnTemplate', async () => {
    server = await startFakeAwsServer({
      baseAccount: '999999999999',
      scopes: [scopeWith(B, 'eu-west-1', 1)],
    });
    const { inv } = inventory(server, {
      accounts: [B],
      regions: ['eu-west-1'],
      assumeRole: { roleArnTemplate: 'arn:aws:iam::{account}:role/platform/dw-reader' },
    });
    await inv.read();
    expect(server.calls.find((c) => c.operation === 'AssumeRole')!.params).toMatchObject({
      RoleArn: `arn:aws:iam::${B}:role/platform/dw-reader`,
      RoleSessionName: 'driftwatch',
    });
  });

  it('derives coverage from the recorders: all supported, inclusion, exclusion, stopped, none', async () => {
    const regions = ['eu-west-1', 'eu-west-2', 'eu-west-3', 'eu-north-1', 'us-east-1'];
    const scopes: FakeScope[] = [
      { ...scopeWith(A, 'eu-west-1', 1, [iamRole(A, 'app')]) },
      {
        account: A,
        region: 'eu-west-2',
        items: [ec2Instance(A, 'eu-west-2', 'i-0aaa')],
        recorders: [inclusion(['AWS::EC2::Instance', 'AWS::S3::Bucket'])],
      },
      { account: A, region: 'eu-west-3', items: [], recorders: [exclusion(['AWS::EC2::Instance'])] },
      {
        account: A,
        region: 'eu-north-1',
        items: [ec2Instance(A, 'eu-north-1', 'i-0bbb')],
        recorders: [allSupported({ recording: false })],
      },
      { account: A, region: 'us-east-1', items: [], recorders: [] },
    ];
    server = await startFakeAwsServer({ baseAccount: A, scopes });
    const { inv } = inventory(server, { accounts: [A], regions });
    const snap = await inv.read();
    const ev = new Map(snap.coverage.map((e) => [e.scope, e]));
    const all = ev.get(`aws:${A}:eu-west-1`)!;
    expect(all.complete).toBe(true);
    expect(all.nativeTypes).toContain('AWS::EC2::Instance');
    // Config-recordable types only: a Cloud Control-only type is never claimed (it would read as missing).
    expect(all.nativeTypes).not.toContain('AWS::CertificateManager::Certificate');
    expect(all.nativeTypes).not.toContain('AWS::IAM::Role');
    expect((all.nativeTypes as string[]).length).toBe(configRecordableTypes().length - 4);
    expect(ev.get(`aws:${A}:global`)).toMatchObject({
      nativeTypes: ['AWS::IAM::Group', 'AWS::IAM::Policy', 'AWS::IAM::Role', 'AWS::IAM::User'],
      complete: true,
    });
    expect(snap.resources.find((r) => r.nativeType === 'AWS::IAM::Role')!.scope).toBe(`aws:${A}:global`);
    expect(ev.get(`aws:${A}:eu-west-2`)).toMatchObject({
      nativeTypes: ['AWS::EC2::Instance', 'AWS::S3::Bucket'],
      complete: true,
    });
    const excl = ev.get(`aws:${A}:eu-west-3`)!;
    expect(excl.nativeTypes).not.toContain('AWS::EC2::Instance');
    expect(excl.nativeTypes).toContain('AWS::S3::Bucket');
    expect(ev.get(`aws:${A}:eu-north-1`)).toEqual({
      provider: 'aws',
      scope: `aws:${A}:eu-north-1`,
      nativeTypes: [],
      complete: false,
      reason: `AWS Config is not recording in aws:${A}:eu-north-1 (recorder default is stopped)`,
      source: `aws-config:${A}:eu-north-1`,
    });
    expect(ev.get(`aws:${A}:us-east-1`)!.reason).toBe(
      `AWS Config is not recording in aws:${A}:us-east-1 (no configuration recorder)`,
    );
    // Stale items of a stopped recorder are not read at all.
    expect(snap.resources.some((r) => r.scope === `aws:${A}:eu-north-1`)).toBe(false);
    expect(server.count('SelectResourceConfig', { region: 'eu-north-1' })).toBe(0);
  });

  it('without assumeRole, reads only the account the credentials belong to', async () => {
    server = await startFakeAwsServer({
      baseAccount: A,
      scopes: [scopeWith(A, 'eu-west-1', 2), scopeWith(B, 'eu-west-1', 3)],
    });
    const { inv } = inventory(server, { accounts: [A, B], regions: ['eu-west-1'] });
    const snap = await inv.read();
    expect(server.count('GetCallerIdentity')).toBe(1);
    expect(snap.resources.map((r) => r.scope)).toEqual([`aws:${A}:eu-west-1`, `aws:${A}:eu-west-1`]);
    expect(snap.coverage.find((e) => e.scope === `aws:${B}:eu-west-1`)).toMatchObject({
      complete: false,
      reason: `the credentials belong to account ${A}, not ${B} (configure assumeRole to reach other accounts)`,
    });
  });

  it('reads one scope only with `only` (a scan shard)', async () => {
    server = await startFakeAwsServer({
      baseAccount: A,
      scopes: [scopeWith(A, 'eu-west-1', 2), scopeWith(A, 'us-east-1', 5)],
    });
    const { inv } = inventory(
      server,
      { accounts: [A], regions: ['eu-west-1', 'us-east-1'] },
      { only: { account: A, region: 'us-east-1' } },
    );
    const snap = await inv.read();
    expect(snap.resources).toHaveLength(5);
    expect(snap.coverage.map((e) => e.scope)).toEqual([`aws:${A}:global`, `aws:${A}:us-east-1`]);
    expect(server.count('SelectResourceConfig', { region: 'eu-west-1' })).toBe(0);
  });

  it('rejects bad options with one line', () => {
    expect(() =>
      inventory({ url: 'http://127.0.0.1:1' } as FakeAwsServer, { accounts: ['12'], regions: ['eu-west-1'] }),
    ).toThrow(new AwsInventoryConfigError('scopes.accounts.0: an AWS account id is 12 digits', 'test'));
    expect(() =>
      inventory(
        { url: 'http://127.0.0.1:1' } as FakeAwsServer,
        { accounts: [A], regions: ['eu-west-1'] },
        { only: { account: B, region: 'eu-west-1' } },
      ),
    ).toThrow(/only 222222222222\/eu-west-1 is not one of the configured accounts and regions/);
  });
});
