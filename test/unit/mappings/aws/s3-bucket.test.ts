import { describe, expect, it } from 'vitest';
import { awsS3Bucket } from '../../../../lib/mappings/aws/s3-bucket.ts';
import { awsS3BucketPolicy } from '../../../../lib/mappings/aws/s3-bucket-policy.ts';
import { awsS3BucketPublicAccessBlock } from '../../../../lib/mappings/aws/s3-bucket-public-access-block.ts';
import { awsS3BucketSse } from '../../../../lib/mappings/aws/s3-bucket-server-side-encryption-configuration.ts';
import { awsS3BucketVersioning } from '../../../../lib/mappings/aws/s3-bucket-versioning.ts';
import { diff, fixture, liveFromConfigItem, stateResource, withPath } from './helpers.ts';

const item = fixture('s3-bucket.config.json');
const live = liveFromConfigItem(item as never);
const v3 = stateResource(fixture('s3-bucket.v3.state.json') as never);

describe('aws_s3_bucket', () => {
  it('identities and scope: ARN, then name; region from the attribute', () => {
    expect(awsS3Bucket.identities(v3)).toEqual(['arn:aws:s3:::acme-logs-prod', 'acme-logs-prod']);
    expect(awsS3Bucket.scope?.(v3)).toBe('aws:*:eu-west-1');
  });

  it('clean v3 bucket: tags_all vs default tags, reordered policy, key ARN — no changes', () => {
    expect(diff(awsS3Bucket, v3, live)).toEqual([]);
  });

  it('reports versioning suspended, a removed tag and a replaced policy', () => {
    let drifted = withPath(
      item,
      'supplementaryConfiguration.BucketVersioningConfiguration.status',
      'Suspended',
    );
    drifted = withPath(drifted, 'tags', { team: 'platform', 'managed-by': 'terraform' });
    drifted = withPath(drifted, 'supplementaryConfiguration.BucketPolicy.policyText', null);
    const changes = diff(awsS3Bucket, v3, liveFromConfigItem(drifted as never));
    expect(changes.map((c) => [c.path, c.desired, c.actual])).toEqual([
      ['tags.env', 'prod', null],
      ['versioning.0.enabled', true, false],
      ['policy', expect.stringContaining('DenyInsecure'), null],
    ]);
  });

  it('v4 state: computed inline blocks are left to the facets', () => {
    const v4 = stateResource(fixture('s3-bucket.v4.state.json') as never);
    const other = liveFromConfigItem({ ...item, tags: { env: 'prod', 'managed-by': 'terraform' } } as never);
    expect(diff(awsS3Bucket, v4, other)).toEqual([]);
  });

  it('a BaseConfigurationItem without tags or supplements compares nothing', () => {
    const bare = { ...live, tags: null, supplementary: undefined };
    expect(diff(awsS3Bucket, v3, bare)).toEqual([]);
  });
});

describe('aws_s3_bucket facets', () => {
  it('versioning: clean, then Suspended', () => {
    const res = stateResource(fixture('s3-bucket-versioning.state.json') as never);
    expect(awsS3BucketVersioning.identities(res)).toEqual(['arn:aws:s3:::acme-logs-prod', 'acme-logs-prod']);
    expect(awsS3BucketVersioning.role).toBe('facet');
    expect(diff(awsS3BucketVersioning, res, live)).toEqual([]);
    const drifted = withPath(
      item,
      'supplementaryConfiguration.BucketVersioningConfiguration.status',
      'Suspended',
    );
    expect(diff(awsS3BucketVersioning, res, liveFromConfigItem(drifted as never))).toEqual([
      { path: 'versioning_configuration.0.status', desired: 'Enabled', actual: 'Suspended' },
    ]);
  });

  it('versioning Disabled equals S3 "Off"', () => {
    const res = stateResource(fixture('s3-bucket-versioning.state.json') as never);
    const disabled = withPath(res, 'attributes.versioning_configuration.0.status', 'Disabled');
    const off = withPath(item, 'supplementaryConfiguration.BucketVersioningConfiguration.status', 'Off');
    expect(diff(awsS3BucketVersioning, disabled, liveFromConfigItem(off as never))).toEqual([]);
  });

  it('public access block: clean, then the block removed (all flags off)', () => {
    const res = stateResource(fixture('s3-bucket-public-access-block.state.json') as never);
    expect(diff(awsS3BucketPublicAccessBlock, res, live)).toEqual([]);
    const { PublicAccessBlockConfiguration: _, ...rest } = item.supplementaryConfiguration as Record<
      string,
      unknown
    >;
    const removed = liveFromConfigItem({ ...item, supplementaryConfiguration: rest } as never);
    expect(diff(awsS3BucketPublicAccessBlock, res, removed).map((c) => c.path)).toEqual([
      'block_public_acls',
      'block_public_policy',
      'ignore_public_acls',
      'restrict_public_buckets',
    ]);
    const partial = liveFromConfigItem({
      ...item,
      supplementaryConfiguration: { IsRequesterPaysEnabled: false },
    } as never);
    expect(diff(awsS3BucketPublicAccessBlock, res, partial)).toEqual([]);
    const one = withPath(
      item,
      'supplementaryConfiguration.PublicAccessBlockConfiguration.blockPublicPolicy',
      false,
    );
    expect(diff(awsS3BucketPublicAccessBlock, res, liveFromConfigItem(one as never))).toEqual([
      { path: 'block_public_policy', desired: true, actual: false },
    ]);
  });

  it('SSE: key id vs key ARN is clean; algorithm change is drift', () => {
    const res = stateResource(fixture('s3-bucket-server-side-encryption-configuration.state.json') as never);
    expect(diff(awsS3BucketSse, res, live)).toEqual([]);
    const drifted = withPath(
      item,
      'supplementaryConfiguration.ServerSideEncryptionConfiguration.rules.0.applyServerSideEncryptionByDefault',
      { sseAlgorithm: 'AES256', kmsMasterKeyID: null },
    );
    expect(diff(awsS3BucketSse, res, liveFromConfigItem(drifted as never))).toEqual([
      {
        path: 'rule.0.apply_server_side_encryption_by_default.0.sse_algorithm',
        desired: 'aws:kms',
        actual: 'AES256',
      },
      {
        path: 'rule.0.apply_server_side_encryption_by_default.0.kms_master_key_id',
        desired: '0f3c2a4e-8d1b-4c5e-9f7a-2b6d8e1c3a5f',
        actual: null,
      },
    ]);
  });

  it('bucket policy: clean, then a policy opened to everyone', () => {
    const res = stateResource(fixture('s3-bucket-policy.state.json') as never);
    expect(diff(awsS3BucketPolicy, res, live)).toEqual([]);
    const open = JSON.stringify({
      Version: '2012-10-17',
      Statement: [
        {
          Effect: 'Allow',
          Principal: '*',
          Action: 's3:GetObject',
          Resource: 'arn:aws:s3:::acme-logs-prod/*',
        },
      ],
    });
    const drifted = withPath(item, 'supplementaryConfiguration.BucketPolicy.policyText', open);
    const [change] = diff(awsS3BucketPolicy, res, liveFromConfigItem(drifted as never));
    expect(change?.path).toBe('policy');
    expect(JSON.parse(String(change?.actual)).Statement[0].Principal).toBe('*');
  });
});
