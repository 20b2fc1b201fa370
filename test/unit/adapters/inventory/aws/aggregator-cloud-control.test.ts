import { afterEach, describe, expect, it } from 'vitest';
import { type FakeAwsServer, type FakeScope, startFakeAwsServer } from '../../../../fakes/aws-api-server.ts';
import { iamRole, scopeWith } from './fixtures.ts';
import { A, assumeRole, B, C, inventory } from './helpers.ts';

let server: FakeAwsServer | undefined;
afterEach(async () => {
  await server?.close();
  server = undefined;
});

const ACM = 'AWS::CertificateManager::Certificate';
function certificate(account: string, region: string, i: number) {
  const arn = `arn:aws:acm:${region}:${account}:certificate/0b8e4a1c-7f3d-4e55-9a0c-${String(i).padStart(12, '0')}`;
  return {
    Identifier: arn,
    Properties: {
      Id: arn,
      DomainName: `svc${i}.example.com`,
      ValidationMethod: 'DNS',
      SubjectAlternativeNames: [`www.svc${i}.example.com`],
      CertificateTransparencyLoggingPreference: 'ENABLED',
      Tags: [{ Key: 'team', Value: 'edge' }],
    },
  };
}

describe('AwsInventory through a configuration aggregator', () => {
  it('queries once (paged), keeps to the configured scopes, groups rows by accountId+awsRegion, and marks failed sources incomplete', async () => {
    const scopes: FakeScope[] = [
      scopeWith(A, 'eu-west-1', 3, [iamRole(A, 'app')]),
      scopeWith(A, 'us-east-1', 2),
      scopeWith(B, 'eu-west-1', 4),
      scopeWith(B, 'us-east-1', 1),
      scopeWith(C, 'eu-west-1', 5),
    ];
    const ok = (SourceId: string, AwsRegion: string) => ({
      SourceId,
      SourceType: 'ACCOUNT',
      AwsRegion,
      LastUpdateStatus: 'SUCCEEDED',
      LastUpdateTime: 1.7324e9,
    });
    server = await startFakeAwsServer({
      baseAccount: '999999999999',
      scopes,
      configPageSize: 4,
      aggregators: [
        {
          name: 'org-agg',
          sources: [
            ok(A, 'eu-west-1'),
            ok(A, 'us-east-1'),
            {
              SourceId: B,
              SourceType: 'ACCOUNT',
              AwsRegion: 'eu-west-1',
              LastUpdateStatus: 'FAILED',
              LastUpdateTime: 1.7324e9,
              LastErrorCode: 'AccessDeniedException',
              LastErrorMessage: 'The source account has not authorized the aggregator account.',
            },
            ok(B, 'us-east-1'),
            ok(C, 'eu-west-1'),
          ],
        },
      ],
    });
    const { inv, calls } = inventory(server, {
      accounts: [A, B],
      regions: ['eu-west-1', 'us-east-1'],
      aggregator: { name: 'org-agg', region: 'us-east-1' },
    });
    const snap = await inv.read();
    const select = server.calls.filter((c) => c.operation === 'SelectAggregateResourceConfig');
    expect(select[0]!.params).toMatchObject({ ConfigurationAggregatorName: 'org-agg', Limit: 100 });
    expect(String(select[0]!.params.Expression)).toMatch(
      / WHERE accountId IN \('111111111111', '222222222222'\) AND awsRegion IN \('eu-west-1', 'us-east-1', 'global'\)$/,
    );
    // 11 rows of the configured accounts at 4 a page; account C never leaves the aggregator.
    expect(select).toHaveLength(3);
    expect(Object.fromEntries(calls)).toEqual({
      DescribeConfigurationAggregatorSourcesStatus: 1,
      SelectAggregateResourceConfig: 3,
    });
    const perScope: Record<string, number> = {};
    for (const r of snap.resources) perScope[r.scope] = (perScope[r.scope] ?? 0) + 1;
    expect(perScope).toEqual({
      'aws:111111111111:eu-west-1': 3,
      'aws:111111111111:global': 1,
      'aws:111111111111:us-east-1': 2,
      'aws:222222222222:us-east-1': 1,
    });
    expect(snap.coverage).toEqual([
      {
        provider: 'aws',
        scope: `aws:${A}:eu-west-1`,
        nativeTypes: ['AWS::EC2::Instance'],
        complete: true,
        source: 'aws-config-aggregator:org-agg',
      },
      {
        provider: 'aws',
        scope: `aws:${A}:global`,
        nativeTypes: ['AWS::IAM::Role'],
        complete: true,
        source: 'aws-config-aggregator:org-agg',
      },
      {
        provider: 'aws',
        scope: `aws:${A}:us-east-1`,
        nativeTypes: ['AWS::EC2::Instance'],
        complete: true,
        source: 'aws-config-aggregator:org-agg',
      },
      {
        provider: 'aws',
        scope: `aws:${B}:eu-west-1`,
        nativeTypes: [],
        complete: false,
        reason: `aggregator org-agg source aws:${B}:eu-west-1 is FAILED (AccessDeniedException: The source account has not authorized the aggregator account.)`,
        source: 'aws-config-aggregator:org-agg',
      },
      expect.objectContaining({ scope: `aws:${B}:global`, complete: false }),
      {
        provider: 'aws',
        scope: `aws:${B}:us-east-1`,
        nativeTypes: ['AWS::EC2::Instance'],
        complete: true,
        source: 'aws-config-aggregator:org-agg',
      },
    ]);
  });

  it('reads an organization aggregator status per region and reports a missing source', async () => {
    server = await startFakeAwsServer({
      baseAccount: '999999999999',
      scopes: [scopeWith(A, 'eu-west-1', 1)],
      aggregators: [
        {
          name: 'org',
          sources: [
            {
              SourceId: 'o-a1b2c3d4e5',
              SourceType: 'ORGANIZATION',
              AwsRegion: 'eu-west-1',
              LastUpdateStatus: 'SUCCEEDED',
            },
          ],
        },
      ],
    });
    const { inv } = inventory(server, {
      accounts: [A],
      regions: ['eu-west-1', 'eu-central-1'],
      aggregator: { name: 'org', region: 'eu-west-1' },
    });
    const ev = new Map((await inv.read()).coverage.map((e) => [e.scope, e]));
    expect(ev.get(`aws:${A}:eu-west-1`)!.complete).toBe(true);
    expect(ev.get(`aws:${A}:eu-central-1`)).toMatchObject({
      complete: false,
      reason: `aggregator org has no source for aws:${A}:eu-central-1`,
    });
  });

  it('marks every scope incomplete when the aggregator does not exist, without throwing', async () => {
    server = await startFakeAwsServer({ baseAccount: A, scopes: [scopeWith(A, 'eu-west-1', 1)] });
    const { inv } = inventory(server, {
      accounts: [A],
      regions: ['eu-west-1'],
      aggregator: { name: 'nope', region: 'eu-west-1' },
    });
    const snap = await inv.read();
    expect(snap.resources).toEqual([]);
    expect(snap.coverage[0]).toMatchObject({
      scope: `aws:${A}:eu-west-1`,
      complete: false,
      reason:
        "config:DescribeConfigurationAggregatorSourcesStatus nope failed: NoSuchConfigurationAggregatorException: The configuration aggregator 'nope' does not exist.",
    });
  });
});

describe('AwsInventory Cloud Control types', () => {
  it('lists cloudControlTypes (paged), calls GetResource only for identifier-only rows, and adds coverage for them', async () => {
    const full: FakeScope = {
      ...scopeWith(A, 'eu-west-1', 1),
      cloudControl: { [ACM]: [1, 2, 3, 4, 5].map((i) => certificate(A, 'eu-west-1', i)) },
    };
    const sparse: FakeScope = {
      ...scopeWith(A, 'us-east-1', 1),
      cloudControl: { [ACM]: [6, 7].map((i) => certificate(A, 'us-east-1', i)) },
      cloudControlListIdentifierOnly: 'Id',
    };
    server = await startFakeAwsServer({ baseAccount: A, scopes: [full, sparse], cloudControlPageSize: 2 });
    const { inv, calls } = inventory(server, {
      accounts: [A],
      regions: ['eu-west-1', 'us-east-1'],
      cloudControlTypes: [ACM],
    });
    const snap = await inv.read();
    expect(server.count('ListResources', { region: 'eu-west-1' })).toBe(3);
    expect(server.count('GetResource', { region: 'eu-west-1' })).toBe(0);
    expect(server.count('GetResource', { region: 'us-east-1' })).toBe(2);
    expect(calls.get('ListResources')).toBe(4);
    const certs = snap.resources.filter((r) => r.nativeType === ACM);
    expect(certs).toHaveLength(7);
    const seven = certs.find((r) => r.id.endsWith('000000000007'))!;
    expect(seven).toMatchObject({
      scope: `aws:${A}:us-east-1`,
      tags: { team: 'edge' },
      source: `cloudcontrol:${A}:us-east-1`,
      attributes: expect.objectContaining({ DomainName: 'svc7.example.com', ValidationMethod: 'DNS' }),
    });
    const ev = snap.coverage.find((e) => e.scope === `aws:${A}:eu-west-1`)!;
    expect(ev.complete).toBe(true);
    expect(ev.nativeTypes).toContain(ACM);
    expect(ev.nativeTypes).toContain('AWS::EC2::Instance');
  });

  it('marks the scope incomplete when Cloud Control is denied, keeping its Config resources', async () => {
    const s: FakeScope = {
      ...scopeWith(B, 'eu-west-1', 2),
      cloudControl: { [ACM]: [certificate(B, 'eu-west-1', 1)] },
    };
    server = await startFakeAwsServer({ baseAccount: '999999999999', scopes: [s] });
    server.inject({
      service: 'cloudcontrol',
      operation: 'ListResources',
      times: Number.POSITIVE_INFINITY,
      respond: {
        status: 400,
        type: 'AccessDeniedException',
        message: `User: arn:aws:sts::${B}:assumed-role/DriftwatchReadOnly/driftwatch-scan is not authorized to perform: cloudformation:ListResources`,
      },
    });
    const { inv } = inventory(server, {
      accounts: [B],
      regions: ['eu-west-1'],
      cloudControlTypes: [ACM],
      assumeRole,
    });
    const snap = await inv.read();
    expect(snap.resources.map((r) => r.nativeType)).toEqual(['AWS::EC2::Instance', 'AWS::EC2::Instance']);
    expect(snap.coverage.find((e) => e.scope === `aws:${B}:eu-west-1`)).toMatchObject({
      complete: false,
      reason: `cloudcontrol:ListResources ${ACM} in aws:${B}:eu-west-1 failed: AccessDeniedException: User: arn:aws:sts::${B}:assumed-role/DriftwatchReadOnly/driftwatch-scan is not authorized to perform: cloudformation:ListResources`,
    });
  });
});

describe('endpoint configuration', () => {
  it('honours AWS_ENDPOINT_URL_CONFIG_SERVICE / _STS / _CLOUDCONTROL when no endpoint is given', async () => {
    const s: FakeScope = {
      ...scopeWith(B, 'eu-west-1', 1),
      cloudControl: { [ACM]: [certificate(B, 'eu-west-1', 1)] },
    };
    server = await startFakeAwsServer({ baseAccount: '999999999999', scopes: [s] });
    const keys = ['AWS_ENDPOINT_URL_CONFIG_SERVICE', 'AWS_ENDPOINT_URL_STS', 'AWS_ENDPOINT_URL_CLOUDCONTROL'];
    for (const k of keys) process.env[k] = server.url;
    try {
      const { inv } = inventory(
        server,
        { accounts: [B], regions: ['eu-west-1'], cloudControlTypes: [ACM], assumeRole },
        { endpoint: undefined },
      );
      const snap = await inv.read();
      expect(snap.resources.map((r) => r.nativeType).sort()).toEqual([ACM, 'AWS::EC2::Instance']);
      expect(server.count('AssumeRole')).toBe(1);
    } finally {
      for (const k of keys) delete process.env[k];
    }
  });

  it('honours the general AWS_ENDPOINT_URL', async () => {
    server = await startFakeAwsServer({ baseAccount: A, scopes: [scopeWith(A, 'eu-west-1', 2)] });
    process.env.AWS_ENDPOINT_URL = server.url;
    try {
      const { inv } = inventory(server, { accounts: [A], regions: ['eu-west-1'] }, { endpoint: undefined });
      expect((await inv.read()).resources).toHaveLength(2);
    } finally {
      delete process.env.AWS_ENDPOINT_URL;
    }
  });
});
