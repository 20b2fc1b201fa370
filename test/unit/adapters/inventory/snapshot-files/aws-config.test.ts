import { describe, expect, it } from 'vitest';
import { parseInventoryText } from '../../../../../lib/adapters/inventory/snapshot-files/index.ts';
import { byType, loadFixture } from './fixtures.ts';

describe('AWS Config batch-get-resource-config (baseConfigurationItems)', () => {
  const snap = loadFixture('aws/batch-get-resource-config/batch-get-resource-config.json');

  it('parses configuration and supplementaryConfiguration JSON strings', () => {
    const bucket = byType(snap, 'AWS::S3::Bucket');
    expect(bucket.attributes?.name).toBe('acme-prod-orders');
    expect(bucket.supplementary?.BucketVersioningConfiguration).toEqual({
      status: 'Enabled',
      isMfaDeleteEnabled: null,
    });
    expect(bucket.supplementary?.IsRequesterPaysEnabled).toBe(false);
    expect(bucket.supplementary?.PublicAccessBlockConfiguration).toMatchObject({ blockPublicAcls: true });
  });

  it('does not carry tags (null, not {}) and keeps identities', () => {
    const sg = byType(snap, 'AWS::EC2::SecurityGroup');
    expect(sg.tags).toBeNull();
    expect(sg.id).toBe('arn:aws:ec2:eu-west-1:123456789012:security-group/sg-0a1b2c3d4e5f67890');
    expect(sg.ids).toEqual([sg.id, 'sg-0a1b2c3d4e5f67890', 'web']);
    expect(sg.capturedAt).toBe('2024-06-12T01:14:23.379Z');
    expect(sg.deleted).toBeUndefined();
  });

  it('scopes IAM to the global region and leaves policy documents URL-encoded', () => {
    const role = byType(snap, 'AWS::IAM::Role');
    expect(role.scope).toBe('aws:123456789012:global');
    expect(String(role.attributes?.assumeRolePolicyDocument)).toMatch(/^%7B%22Version%22/);
  });

  it('records evidence per scope listing the types seen', () => {
    expect(snap.coverage).toEqual([
      {
        provider: 'aws',
        scope: 'aws:123456789012:eu-west-1',
        nativeTypes: [
          'AWS::EC2::Instance',
          'AWS::EC2::SecurityGroup',
          'AWS::Lambda::Function',
          'AWS::S3::Bucket',
        ],
        complete: true,
        source: 'aws/batch-get-resource-config/batch-get-resource-config.json',
      },
      {
        provider: 'aws',
        scope: 'aws:123456789012:global',
        nativeTypes: ['AWS::IAM::Role'],
        complete: true,
        source: 'aws/batch-get-resource-config/batch-get-resource-config.json',
      },
    ]);
  });

  it('marks coverage incomplete when unprocessedResourceKeys is not empty', () => {
    const text = JSON.stringify({
      baseConfigurationItems: [
        { resourceType: 'AWS::SQS::Queue', resourceId: 'q', accountId: '1', awsRegion: 'r' },
      ],
      unprocessedResourceKeys: [{ resourceType: 'AWS::SQS::Queue', resourceId: 'other' }],
    });
    const [e] = parseInventoryText(text, 'b.json').coverage;
    expect(e?.complete).toBe(false);
    expect(e?.reason).toBe('1 unprocessedResourceKeys were not fetched');
  });
});

describe('AWS Config configurationItems (history API and S3 files)', () => {
  it('keeps every history item with its capture time (CLI epoch seconds)', () => {
    const snap = loadFixture('aws/get-resource-config-history/get-resource-config-history.json');
    expect(snap.resources.map((r) => r.capturedAt)).toEqual([
      '2024-06-12T00:54:23.379Z',
      '2024-03-01T08:41:51.052Z',
    ]);
    expect(snap.resources[0]?.tags).toEqual({ Name: 'web', env: 'prod' });
    expect(snap.resources[0]?.attributes?.ipPermissions).toHaveLength(2);
  });

  it('reads S3 snapshot spelling (ARN, awsAccountId, configuration object)', () => {
    const snap = loadFixture(
      'aws/config-snapshot-s3/123456789012_Config_eu-west-1_ConfigSnapshot_20240612T061500Z_0c6f2e1a.json',
    );
    const fn = byType(snap, 'AWS::Lambda::Function');
    expect(fn.id).toBe('arn:aws:lambda:eu-west-1:123456789012:function:orders-handler');
    expect(fn.scope).toBe('aws:123456789012:eu-west-1');
    expect(fn.attributes?.memorySize).toBe(256);
    expect(fn.supplementary).toEqual({ Tags: { env: 'prod', team: 'orders' } });
  });

  it('flags ResourceDeleted items as deleted with no configuration', () => {
    const snap = loadFixture(
      'aws/config-history-s3/123456789012_Config_eu-west-1_ConfigHistory_AWS_Lambda_Function_20240611T090000Z_20240611T210000Z_1.json',
    );
    const gone = byType(snap, 'AWS::EC2::Instance');
    expect(gone.deleted).toBe(true);
    expect(gone.attributes).toBeNull();
    expect(snap.resources.filter((r) => r.nativeType === 'AWS::Lambda::Function')).toHaveLength(2);
  });
});

describe('AWS Config select-resource-config', () => {
  it('reads tags from [{key,value}] and configuration objects', () => {
    const snap = loadFixture('aws/select-resource-config/select-resource-config.json');
    const inst = byType(snap, 'AWS::EC2::Instance');
    expect(inst.tags).toEqual({ Name: 'web-1', env: 'prod' });
    expect(inst.attributes?.instanceType).toBe('t3.medium');
    expect(inst.name).toBeNull();
  });

  it('treats fields not selected as not carried', () => {
    const snap = loadFixture('aws/select-aggregate-ids-only/select-aggregate-resource-config.json');
    for (const r of snap.resources) {
      expect(r.attributes).toBeNull();
      expect(r.tags).toBeNull();
      expect(r.supplementary).toBeUndefined();
    }
    expect(snap.coverage.map((c) => c.scope)).toEqual([
      'aws:123456789012:eu-west-1',
      'aws:210987654321:eu-central-1',
      'aws:123456789012:global',
    ]);
  });

  it('selected tags with no row value mean no tags; NextToken marks coverage incomplete', () => {
    const text = JSON.stringify({
      Results: [
        JSON.stringify({
          resourceId: 'vpc-1',
          resourceType: 'AWS::EC2::VPC',
          accountId: '1',
          awsRegion: 'r',
        }),
      ],
      QueryInfo: { SelectFields: [{ Name: 'resourceId' }, { Name: 'resourceType' }, { Name: 'tags' }] },
      NextToken: 'abc',
    });
    const snap = parseInventoryText(text, 's.json');
    expect(snap.resources[0]?.tags).toEqual({});
    expect(snap.resources[0]?.id).toBe('vpc-1');
    expect(snap.coverage[0]?.complete).toBe(false);
  });

  it('rejects a SELECT without resourceType with one clear line', () => {
    const text = JSON.stringify({
      Results: ['{"COUNT(*)":12}'],
      QueryInfo: { SelectFields: [{ Name: 'COUNT(*)' }] },
    });
    expect(() => parseInventoryText(text, 'agg.json')).toThrow(
      'agg.json: Results[0] has no resourceType (the SELECT must include resourceType and resourceId or arn)',
    );
  });

  it('reads a bare array of items and derives account/region from the ARN', () => {
    const text = JSON.stringify([
      {
        resourceType: 'AWS::SNS::Topic',
        arn: 'arn:aws:sns:us-east-1:111122223333:alerts',
        configuration: '{"a":1}',
      },
    ]);
    const [r] = parseInventoryText(text, 'a.json').resources;
    expect(r?.scope).toBe('aws:111122223333:us-east-1');
    expect(r?.attributes).toEqual({ a: 1 });
    expect(r?.ids).toEqual(['arn:aws:sns:us-east-1:111122223333:alerts']);
  });
});
