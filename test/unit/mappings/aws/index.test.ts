import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { createRegistry } from '../../../../lib/core/mapping/registry.ts';
import type { LiveResource } from '../../../../lib/core/model/live-resource.ts';
import { awsMappings } from '../../../../lib/mappings/aws/index.ts';
import { diff, stateResource } from './helpers.ts';

const REQUIRED = [
  'aws_s3_bucket',
  'aws_s3_bucket_versioning',
  'aws_s3_bucket_public_access_block',
  'aws_s3_bucket_server_side_encryption_configuration',
  'aws_s3_bucket_policy',
  'aws_instance',
  'aws_security_group',
  'aws_security_group_rule',
  'aws_vpc_security_group_ingress_rule',
  'aws_vpc_security_group_egress_rule',
  'aws_vpc',
  'aws_subnet',
  'aws_iam_role',
  'aws_iam_policy',
  'aws_iam_role_policy',
  'aws_lambda_function',
  'aws_dynamodb_table',
  'aws_sqs_queue',
  'aws_sns_topic',
  'aws_kms_key',
  'aws_db_instance',
  'aws_cloudwatch_log_group',
];

describe('awsMappings', () => {
  const registry = createRegistry(awsMappings);

  it('covers every required type exactly once', () => {
    for (const t of REQUIRED) expect(registry.get(t), t).toBeDefined();
    const types = awsMappings.flatMap((m) => m.terraformTypes);
    expect(new Set(types).size).toBe(types.length);
  });

  it('facets point at their parent native type; associations have none', () => {
    expect(registry.terraformTypesFor('aws', 'AWS::S3::Bucket')).toContain('aws_s3_bucket_versioning');
    expect(registry.get('aws_iam_role_policy')?.role).toBe('facet');
    for (const t of [
      'aws_iam_role_policy_attachment',
      'aws_kms_alias',
      'aws_route_table_association',
      'aws_lambda_permission',
    ]) {
      const m = registry.get(t);
      expect(m?.role, t).toBe('association');
      expect(m?.nativeTypes).toEqual([]);
    }
  });

  it('association scope comes from the ARN when there is one', () => {
    const alias = stateResource({
      mode: 'managed',
      type: 'aws_kms_alias',
      name: 'data',
      provider: 'provider["registry.terraform.io/hashicorp/aws"]',
      instances: [{ attributes: { id: 'alias/data', arn: 'arn:aws:kms:eu-west-1:123456789012:alias/data' } }],
    });
    expect(registry.get('aws_kms_alias')?.scope?.(alias)).toBe('aws:123456789012:eu-west-1');
    expect(registry.get('aws_kms_alias')?.identities(alias)).toEqual([]);
  });
});

describe('awsMappings on arbitrary input', () => {
  it('property: identities, scope, children and comparisons never throw', () => {
    // Keys the mappings read, with arbitrary JSON under them, plus arbitrary other keys.
    const keys = fc.constantFrom(
      ...['ipPermissions', 'ipPermissionsEgress', 'rolePolicyList', 'policyVersionList', 'keySchema'],
      ...[
        'securityGroups',
        'vpcSecurityGroups',
        'environment',
        'monitoring',
        'ssedescription',
        'RedrivePolicy',
      ],
      ...['Policy', 'assumeRolePolicyDocument', 'retentionInDays', 'engineVersion', 'BucketPolicy', 'tags'],
      ...['ingress', 'egress', 'tags_all', 'versioning', 'inline_policy', 'policy', 'cidr_blocks', 'self'],
      ...['security_group_id', 'engine_version', 'max_allocated_storage', 'server_side_encryption', 'type'],
      ...['BucketVersioningConfiguration', 'PublicAccessBlockConfiguration', 'KeyRotationStatus', 'bucket'],
      ...['ServerSideEncryptionConfiguration', 'ContinuousBackupsDescription', 'root_block_device', 'name'],
    );
    const anyObject = fc.dictionary(fc.oneof(keys, fc.string()), fc.jsonValue()) as fc.Arbitrary<
      Record<string, unknown>
    >;
    fc.assert(
      fc.property(anyObject, anyObject, fc.option(anyObject, { nil: undefined }), (attrs, conf, supp) => {
        for (const m of awsMappings) {
          const res = stateResource(
            {
              mode: 'managed',
              type: m.terraformTypes[0]!,
              name: 'x',
              provider: 'aws',
              instances: [{ attributes: attrs }],
            },
            attrs,
          );
          const live: LiveResource = {
            provider: 'aws',
            nativeType: m.nativeTypes[0] ?? 'AWS::Unknown',
            id: 'x',
            ids: ['x'],
            name: null,
            scope: 'aws:1:r',
            attributes: conf,
            tags: null,
            supplementary: supp,
            capturedAt: null,
            source: 't',
          };
          m.identities(res);
          m.scope?.(res);
          m.children?.(res);
          diff(m, res, live);
        }
      }),
      { numRuns: 200 },
    );
  });
});
