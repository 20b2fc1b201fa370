import { describe, expect, it } from 'vitest';
import { awsIamPolicy } from '../../../../lib/mappings/aws/iam-policy.ts';
import { awsIamRole } from '../../../../lib/mappings/aws/iam-role.ts';
import { awsIamRolePolicy } from '../../../../lib/mappings/aws/iam-role-policy.ts';
import { diff, fixture, liveFromConfigItem, stateResource, withPath } from './helpers.ts';

const enc = (doc: unknown) => encodeURIComponent(JSON.stringify(doc));
const roleItem = fixture<Record<string, unknown>>('iam-role.config.json');
const roleLive = liveFromConfigItem(roleItem as never);

describe('aws_iam_role', () => {
  const res = stateResource(fixture('iam-role.state.json') as never);

  it('identities: ARN, unique id (Config resourceId), name; global scope', () => {
    expect(awsIamRole.identities(res)).toEqual([
      'arn:aws:iam::123456789012:role/service/orders-lambda',
      'AROAQXEXAMPLEROLE1234',
      'orders-lambda',
    ]);
    expect(awsIamRole.scope?.(res)).toBe('aws:123456789012:global');
  });

  it('clean: URL-encoded trust policy with other key order, Sid "", Service as list', () => {
    expect(diff(awsIamRole, res, roleLive)).toEqual([]);
  });

  it('reports a widened trust policy and an edited inline policy', () => {
    const trust = {
      Version: '2012-10-17',
      Statement: [{ Effect: 'Allow', Principal: { AWS: '*' }, Action: 'sts:AssumeRole' }],
    };
    let drifted = withPath(roleItem, 'configuration.assumeRolePolicyDocument', enc(trust));
    drifted = withPath(
      drifted,
      'configuration.rolePolicyList.0.policyDocument',
      enc({ Version: '2012-10-17', Statement: [{ Effect: 'Allow', Action: 'logs:*', Resource: '*' }] }),
    );
    const changes = diff(awsIamRole, res, liveFromConfigItem(drifted as never));
    expect(changes.map((c) => c.path)).toEqual(['assume_role_policy', 'inline_policy']);
    expect(JSON.parse(String(changes[0]?.actual)).Statement[0].Principal).toEqual({ AWS: ['*'] });
    expect(changes[0]?.desired).toBe(
      '{"Statement":[{"Action":["sts:AssumeRole"],"Effect":"Allow","Principal":{"Service":["lambda.amazonaws.com"]}}],"Version":"2012-10-17"}',
    );
  });
});

describe('aws_iam_role_policy (facet of the role)', () => {
  const res = stateResource(fixture('iam-role-policy.state.json') as never);

  it('matches the role by name and is clean (Statement object vs list)', () => {
    expect(awsIamRolePolicy.identities(res)).toEqual(['orders-lambda']);
    expect(diff(awsIamRolePolicy, res, roleLive)).toEqual([]);
  });

  it('a policy deleted from the role reads as null', () => {
    const list = (roleItem.configuration as { rolePolicyList: unknown[] }).rolePolicyList.slice(0, 1);
    const drifted = withPath(roleItem, 'configuration.rolePolicyList', list);
    const changes = diff(awsIamRolePolicy, res, liveFromConfigItem(drifted as never));
    expect(changes).toEqual([
      { path: 'policy', desired: expect.stringContaining('dynamodb:PutItem'), actual: null },
    ]);
  });
});

describe('aws_iam_policy', () => {
  const item = fixture('iam-policy.config.json');
  const res = stateResource(fixture('iam-policy.state.json') as never);

  it('identities include the policy id (Config resourceId)', () => {
    expect(awsIamPolicy.identities(res)).toEqual([
      'arn:aws:iam::123456789012:policy/read-assets',
      'ANPAQXEXAMPLEPOLICY12',
    ]);
  });

  it('clean: the default version document, not v1', () => {
    expect(diff(awsIamPolicy, res, liveFromConfigItem(item as never))).toEqual([]);
  });

  it('a new default version with a wildcard action is drift', () => {
    let drifted = withPath(item, 'configuration.policyVersionList.1.isDefaultVersion', false);
    drifted = withPath(drifted, 'configuration.policyVersionList.0.isDefaultVersion', true);
    const changes = diff(awsIamPolicy, res, liveFromConfigItem(drifted as never));
    expect(changes).toEqual([
      {
        path: 'policy',
        desired: expect.stringContaining('s3:ListBucket'),
        actual:
          '{"Statement":[{"Action":["s3:GetObject"],"Effect":"Allow","Resource":["*"]}],"Version":"2012-10-17"}',
      },
    ]);
  });
});
