import { describe, expect, it } from 'vitest';
import { runScan } from '../../../../lib/core/engine/scan.ts';
import type { Classifier } from '../../../../lib/core/engine/types.ts';
import { liveAt, liveTags } from '../../../../lib/core/mapping/accessors.ts';
import { createRegistry } from '../../../../lib/core/mapping/registry.ts';
import type { ResourceMapping } from '../../../../lib/core/mapping/types.ts';
import type { CoverageEvidence, LiveResource, StateResource } from '../../../../lib/core/model/index.ts';
import { liveRes, stateRes, testHasher } from '../../../helpers/builders.ts';

const classify: Classifier = ({ kind }) =>
  kind === 'missing'
    ? { category: 'Missing', severity: 'high' }
    : kind === 'unmanaged'
      ? { category: 'Unmanaged', severity: 'medium' }
      : { category: 'ConfigurationChange', severity: 'medium' };

const str = (v: unknown) => (typeof v === 'string' ? [v] : []);
const vpc: ResourceMapping = {
  provider: 'aws',
  terraformTypes: ['aws_vpc'],
  nativeTypes: ['AWS::EC2::VPC'],
  identities: (r) => [...str(r.attributes.arn), ...str(r.id)],
  scope: () => 'aws:123456789012:eu-west-1',
  children: (r) => str(r.attributes.default_security_group_id),
  attributes: [
    { path: 'cidr_block', actual: liveAt('cidrBlock') },
    { path: 'tags', actual: liveTags, compare: 'map' },
  ],
};
const versioning: ResourceMapping = {
  provider: 'aws',
  terraformTypes: ['aws_s3_bucket_versioning'],
  nativeTypes: ['AWS::S3::Bucket'],
  role: 'facet',
  identities: (r) => str(r.attributes.bucket),
  attributes: [
    {
      path: 'versioning_configuration.0.status',
      actual: (l) =>
        l.supplementary?.BucketVersioningConfiguration &&
        (l.supplementary.BucketVersioningConfiguration as { status: string }).status,
    },
  ],
};
const bucket: ResourceMapping = {
  provider: 'aws',
  terraformTypes: ['aws_s3_bucket'],
  nativeTypes: ['AWS::S3::Bucket'],
  identities: (r) => [...str(r.attributes.arn), ...str(r.id)],
  scope: () => 'aws:*:*',
  attributes: [],
};
const attachment: ResourceMapping = {
  provider: 'aws',
  terraformTypes: ['aws_iam_role_policy_attachment'],
  nativeTypes: [],
  role: 'association',
  identities: () => [],
  attributes: [],
};
const sg: ResourceMapping = {
  provider: 'aws',
  terraformTypes: ['aws_security_group'],
  nativeTypes: ['AWS::EC2::SecurityGroup'],
  identities: (r) => str(r.id),
  attributes: [],
};
const registry = createRegistry([vpc, versioning, bucket, attachment, sg]);

const evidence = (nativeTypes: string[], complete = true): CoverageEvidence => ({
  provider: 'aws',
  scope: 'aws:123456789012:eu-west-1',
  nativeTypes,
  complete,
  source: 'inv.json',
});
const scan = (states: StateResource[], resources: LiveResource[], coverage: CoverageEvidence[]) =>
  runScan({
    states,
    inventory: { resources, coverage },
    registry,
    hasher: testHasher,
    classify,
    now: () => new Date(0),
  });

const vpcState = stateRes({
  type: 'aws_vpc',
  name: 'main',
  id: 'vpc-1',
  attributes: {
    id: 'vpc-1',
    cidr_block: '10.0.0.0/16',
    tags: { env: 'prod' },
    default_security_group_id: 'sg-default',
  },
});
const vpcLive = liveRes({
  nativeType: 'AWS::EC2::VPC',
  id: 'vpc-1',
  attributes: { cidrBlock: '10.0.0.0/16' },
  tags: { env: 'prod' },
});

describe('runScan', () => {
  it('reports nothing for a clean match and counts it managed', () => {
    const r = scan([vpcState], [vpcLive], [evidence(['AWS::EC2::VPC'])]);
    expect(r.drifts).toEqual([]);
    expect(r.summary).toEqual({
      managed: 1,
      unmanaged: 0,
      missing: 0,
      changed: 0,
      coverage: 1,
      complete: true,
    });
  });

  it('reports changed attributes with terraform paths', () => {
    const live = { ...vpcLive, attributes: { cidrBlock: '10.1.0.0/16' }, tags: { env: 'dev', extra: 'x' } };
    const r = scan([vpcState], [live], [evidence(['AWS::EC2::VPC'])]);
    expect(r.drifts).toHaveLength(1);
    expect(r.drifts[0]).toMatchObject({
      kind: 'changed',
      type: 'aws_vpc',
      address: 'aws_vpc.main',
      id: 'vpc-1',
    });
    expect(r.drifts[0]!.changes).toEqual([
      { path: 'cidr_block', desired: '10.0.0.0/16', actual: '10.1.0.0/16' },
      { path: 'tags.env', desired: 'prod', actual: 'dev' },
      { path: 'tags.extra', desired: null, actual: 'x' },
    ]);
  });

  it('reports missing only with evidence of coverage for that scope and type', () => {
    expect(scan([vpcState], [], [evidence(['AWS::EC2::VPC'])]).drifts.map((d) => d.kind)).toEqual([
      'missing',
    ]);
    const noEvidence = scan([vpcState], [], [evidence(['AWS::EC2::Subnet'])]);
    expect(noEvidence.drifts).toEqual([]);
    expect(noEvidence.notChecked).toEqual([
      expect.objectContaining({
        address: 'aws_vpc.main',
        reason: expect.stringContaining('no AWS::EC2::VPC items'),
      }),
    ]);
    expect(noEvidence.summary.complete).toBe(false);
  });

  it('never reports missing in an incomplete scope', () => {
    const r = scan([vpcState], [], [evidence(['AWS::EC2::VPC'], false)]);
    expect(r.drifts).toEqual([]);
    expect(r.notChecked[0]!.reason).toMatch(/incomplete/);
  });

  it('reports unmanaged live items, but not children, provider-owned objects or undeclarable types', () => {
    const defaultSg = liveRes({
      nativeType: 'AWS::EC2::SecurityGroup',
      id: 'sg-default',
      attributes: { groupName: 'custom-default' },
    });
    const strayBucket = liveRes({
      nativeType: 'AWS::S3::Bucket',
      id: 'arn:aws:s3:::stray',
      ids: ['arn:aws:s3:::stray', 'stray'],
    });
    const awsKey = liveRes({
      nativeType: 'AWS::KMS::Key',
      id: 'arn:aws:kms:eu-west-1:123456789012:key/1',
      attributes: { keyManager: 'AWS' },
    });
    const compliance = liveRes({
      nativeType: 'AWS::Config::ResourceCompliance',
      id: 'AWS::S3::Bucket/stray',
    });
    const r = scan(
      [vpcState],
      [vpcLive, defaultSg, strayBucket, awsKey, compliance],
      [evidence(['AWS::EC2::VPC'])],
    );
    expect(r.drifts.map((d) => [d.kind, d.type, d.id, d.address])).toEqual([
      ['unmanaged', 'AWS::S3::Bucket', 'arn:aws:s3:::stray', null],
    ]);
    expect(r.summary.coverage).toBe(0.5);
  });

  it('compares facets against the parent item, never missing or unmanaged on their own', () => {
    const b = stateRes({
      type: 'aws_s3_bucket',
      name: 'logs',
      id: 'logs',
      attributes: { id: 'logs', arn: 'arn:aws:s3:::logs' },
    });
    const v = stateRes({
      type: 'aws_s3_bucket_versioning',
      name: 'logs',
      id: 'logs',
      attributes: { bucket: 'logs', versioning_configuration: [{ status: 'Enabled' }] },
    });
    const live = liveRes({
      nativeType: 'AWS::S3::Bucket',
      id: 'arn:aws:s3:::logs',
      ids: ['arn:aws:s3:::logs', 'logs'],
      supplementary: { BucketVersioningConfiguration: { status: 'Suspended' } },
    });
    const r = scan([b, v], [live], [evidence(['AWS::S3::Bucket'])]);
    expect(r.drifts).toEqual([
      expect.objectContaining({
        kind: 'changed',
        type: 'aws_s3_bucket_versioning',
        address: 'aws_s3_bucket_versioning.logs',
        changes: [{ path: 'versioning_configuration.0.status', desired: 'Enabled', actual: 'Suspended' }],
      }),
    ]);
    expect(r.summary.managed).toBe(1);
    const gone = scan([v], [], [evidence(['AWS::S3::Bucket'])]);
    expect(gone.drifts).toEqual([]);
  });

  it('skips associations, data sources, deposed objects and provider-less types', () => {
    const states = [
      stateRes({ type: 'aws_iam_role_policy_attachment', name: 'a', id: 'x' }),
      stateRes({ type: 'aws_vpc', name: 'd', mode: 'data', id: 'vpc-9', attributes: { id: 'vpc-9' } }),
      stateRes({
        type: 'aws_vpc',
        name: 'old',
        id: 'vpc-2',
        deposed: '00000001',
        attributes: { id: 'vpc-2', cidr_block: '1.0.0.0/8' },
      }),
      stateRes({ type: 'null_resource', name: 'n', cloud: null, id: '1' }),
    ];
    const r = scan(
      states,
      [liveRes({ nativeType: 'AWS::EC2::VPC', id: 'vpc-2' })],
      [evidence(['AWS::EC2::VPC'])],
    );
    expect(r.drifts).toEqual([]);
    expect(r.notChecked).toEqual([]);
  });

  it('takes the newest configuration item and treats a newest deletion as gone', () => {
    const old = { ...vpcLive, capturedAt: '2026-01-01T00:00:00Z', attributes: { cidrBlock: '10.9.0.0/16' } };
    const fresh = { ...vpcLive, capturedAt: '2026-02-01T00:00:00Z' };
    expect(scan([vpcState], [fresh, old], [evidence(['AWS::EC2::VPC'])]).drifts).toEqual([]);
    const deleted = { ...vpcLive, capturedAt: '2026-03-01T00:00:00Z', deleted: true };
    expect(scan([vpcState], [old, deleted], [evidence(['AWS::EC2::VPC'])]).drifts.map((d) => d.kind)).toEqual(
      ['missing'],
    );
  });

  it('reports types with no mapping as not checked', () => {
    const r = scan([stateRes({ type: 'aws_made_up_thing', name: 'x', id: 'x' })], [], []);
    expect(r.notChecked).toEqual([
      {
        address: 'aws_made_up_thing.x',
        type: 'aws_made_up_thing',
        id: 'x',
        reason: 'no mapping for aws_made_up_thing',
      },
    ]);
  });

  it('never puts a sensitive value in a change', () => {
    const m: ResourceMapping = {
      ...vpc,
      terraformTypes: ['aws_db_x'],
      nativeTypes: ['AWS::RDS::DBInstance'],
      attributes: [{ path: 'password', actual: liveAt('masterUserPassword') }],
    };
    const reg = createRegistry([m]);
    const s = stateRes({
      type: 'aws_db_x',
      name: 'db',
      id: 'db-1',
      attributes: { id: 'db-1', password: { $sensitive: testHasher('hunter2hunter2') } },
    });
    const l = liveRes({
      nativeType: 'AWS::RDS::DBInstance',
      id: 'db-1',
      attributes: { masterUserPassword: 'changed-secret-value' },
    });
    const r = runScan({
      states: [s],
      inventory: { resources: [l], coverage: [] },
      registry: reg,
      hasher: testHasher,
      classify,
    });
    expect(r.drifts[0]!.changes).toEqual([
      {
        path: 'password',
        desired: '(sensitive)',
        actual: '(sensitive)',
        sensitive: true,
        digest: expect.stringMatching(/^fnv:\w+\|fnv:\w+$/),
      },
    ]);
    expect(JSON.stringify(r)).not.toContain('changed-secret-value');
    const same = { ...l, attributes: { masterUserPassword: 'hunter2hunter2' } };
    expect(
      runScan({
        states: [s],
        inventory: { resources: [same], coverage: [] },
        registry: reg,
        hasher: testHasher,
        classify,
      }).drifts,
    ).toEqual([]);
  });
});

describe('inline vs standalone', () => {
  it('compares a fact once when a facet supersedes the parent inline attribute', () => {
    const inline: ResourceMapping = {
      ...bucket,
      terraformTypes: ['aws_s3_bucket'],
      attributes: [
        {
          path: 'versioning.0.enabled',
          actual: (l) =>
            (l.supplementary?.BucketVersioningConfiguration as { status?: string } | undefined)?.status ===
            'Enabled',
        },
      ],
    };
    const facet: ResourceMapping = {
      ...versioning,
      supersedes: [{ terraformType: 'aws_s3_bucket', paths: ['versioning'] }],
    };
    const reg = createRegistry([inline, facet]);
    const b = stateRes({
      type: 'aws_s3_bucket',
      name: 'logs',
      id: 'logs',
      attributes: { id: 'logs', arn: 'arn:aws:s3:::logs', versioning: [{ enabled: true }] },
    });
    const v = stateRes({
      type: 'aws_s3_bucket_versioning',
      name: 'logs',
      id: 'logs',
      attributes: { bucket: 'logs', versioning_configuration: [{ status: 'Enabled' }] },
    });
    const live = liveRes({
      nativeType: 'AWS::S3::Bucket',
      id: 'arn:aws:s3:::logs',
      ids: ['arn:aws:s3:::logs', 'logs'],
      supplementary: { BucketVersioningConfiguration: { status: 'Suspended' } },
    });
    const run = (states: StateResource[]) =>
      runScan({
        states,
        inventory: { resources: [live], coverage: [] },
        registry: reg,
        hasher: testHasher,
        classify,
      }).drifts.map((d) => d.type);
    expect(run([b, v])).toEqual(['aws_s3_bucket_versioning']);
    expect(run([b])).toEqual(['aws_s3_bucket']);
  });
});

describe('scope of resources whose ARN omits account and region', () => {
  it('takes the account and region its state file names unambiguously', () => {
    const b = stateRes({
      type: 'aws_s3_bucket',
      name: 'gone',
      id: 'gone',
      attributes: { id: 'gone', arn: 'arn:aws:s3:::gone' },
    });
    const vpcWithArn = {
      ...vpcState,
      attributes: { ...vpcState.attributes, arn: 'arn:aws:ec2:eu-west-1:123456789012:vpc/vpc-1' },
    };
    const other = (region: string) => ({
      provider: 'aws' as const,
      scope: `aws:123456789012:${region}`,
      nativeTypes: ['AWS::S3::Bucket'],
      complete: true,
      source: 'inv',
    });
    // The state's VPC is in eu-west-1; an export of us-east-1 buckets says nothing about eu-west-1.
    expect(
      scan([vpcWithArn, b], [vpcLive], [evidence(['AWS::EC2::VPC']), other('us-east-1')]).drifts,
    ).toEqual([]);
    expect(
      scan([vpcWithArn, b], [vpcLive], [evidence(['AWS::EC2::VPC']), other('eu-west-1')]).drifts.map(
        (d) => d.address,
      ),
    ).toEqual(['aws_s3_bucket.gone']);
  });
});

describe('identity order', () => {
  it('matches by a fallback name only within the resource scope', () => {
    const q: ResourceMapping = {
      provider: 'aws',
      terraformTypes: ['aws_sqs_queue'],
      nativeTypes: ['AWS::SQS::Queue'],
      identities: (r) => [...str(r.attributes.arn), ...str(r.attributes.name)],
      scope: () => 'aws:123456789012:eu-west-1',
      attributes: [],
    };
    const reg = createRegistry([q]);
    const s = stateRes({
      type: 'aws_sqs_queue',
      name: 'jobs',
      id: 'u',
      attributes: { arn: 'arn:aws:sqs:eu-west-1:123456789012:jobs', name: 'jobs' },
    });
    const other = liveRes({
      nativeType: 'AWS::SQS::Queue',
      id: 'arn:aws:sqs:us-east-1:123456789012:jobs',
      ids: ['arn:aws:sqs:us-east-1:123456789012:jobs', 'jobs'],
      scope: 'aws:123456789012:us-east-1',
    });
    const cov = [evidence(['AWS::SQS::Queue'])];
    const r = runScan({
      states: [s],
      inventory: { resources: [other], coverage: cov },
      registry: reg,
      hasher: testHasher,
      classify,
    });
    expect(r.drifts.map((d) => [d.kind, d.id])).toEqual([
      ['missing', 'arn:aws:sqs:eu-west-1:123456789012:jobs'],
      ['unmanaged', 'arn:aws:sqs:us-east-1:123456789012:jobs'],
    ]);
    const same = {
      ...other,
      id: 'arn:aws:sqs:eu-west-1:123456789012:jobs-x',
      scope: 'aws:123456789012:eu-west-1',
    };
    expect(
      runScan({
        states: [s],
        inventory: { resources: [same], coverage: cov },
        registry: reg,
        hasher: testHasher,
        classify,
      }).summary.managed,
    ).toBe(1);
  });
});
