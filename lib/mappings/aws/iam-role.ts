import { getPath, isPlainObject } from '../../core/diff/path.ts';
import type { ResourceMapping } from '../../core/mapping/types.ts';
import { ABSENT } from '../../core/model/live-resource.ts';
import { iamPolicyDocument } from '../../core/normalize/aws/iam-policy-document.ts';
import { normalizer } from '../../core/normalize/generic.ts';
import { attr, awsScope, conf, confIfRecorded, identitiesFrom, tagsRule } from './common.ts';

interface InlinePolicy {
  name: string;
  policy: unknown;
}

/** Declared inline policies (`inline_policy` blocks), without the empty placeholder v4 states hold. */
function desiredInline(v: unknown): InlinePolicy[] {
  if (!Array.isArray(v)) return [];
  return v
    .filter(
      (p): p is Record<string, unknown> => isPlainObject(p) && typeof p.name === 'string' && p.name !== '',
    )
    .map((p) => ({ name: p.name as string, policy: p.policy }));
}

const inlinePolicies = normalizer('iam-inline-policies', (v) =>
  Array.isArray(v)
    ? v.map((p) => (isPlainObject(p) ? { name: p.name, policy: iamPolicyDocument.apply(p.policy) } : p))
    : v,
);

/**
 * aws_iam_role ↔ AWS::IAM::Role. Config's resourceId is the role's unique id (`AROA…`, Terraform
 * `unique_id`), resourceName the role name. Config records IAM in the "global" region. The role
 * detail Config records has no description or max session duration: those compare only if present.
 */
export const awsIamRole: ResourceMapping = {
  provider: 'aws',
  terraformTypes: ['aws_iam_role'],
  nativeTypes: ['AWS::IAM::Role'],
  identities: (res) => identitiesFrom(attr(res, 'arn'), attr(res, 'unique_id'), attr(res, 'name'), res.id),
  scope: (res) => awsScope(res) ?? 'aws:*:global',
  attributes: [
    tagsRule,
    { path: 'assume_role_policy', actual: conf('assumeRolePolicyDocument'), normalize: [iamPolicyDocument] },
    { path: 'path', actual: conf('path') },
    { path: 'description', actual: confIfRecorded('description') },
    { path: 'max_session_duration', actual: confIfRecorded('maxSessionDuration') },
    { path: 'permissions_boundary', actual: conf('permissionsBoundary.permissionsBoundaryArn') },
    {
      // Each declared inline policy must exist live with the same document. Policies only present
      // live may belong to aws_iam_role_policy resources, so they are not reported here.
      path: 'inline_policy',
      desired: (res) => desiredInline(getPath(res.attributes, 'inline_policy')),
      actual: (live, res) => {
        const list = conf('rolePolicyList')(live);
        if (list === ABSENT) return ABSENT;
        const wanted = new Set(desiredInline(getPath(res.attributes, 'inline_policy')).map((p) => p.name));
        return (Array.isArray(list) ? list : [])
          .filter((p): p is Record<string, unknown> => isPlainObject(p) && wanted.has(String(p.policyName)))
          .map((p) => ({ name: p.policyName, policy: p.policyDocument }));
      },
      normalize: [inlinePolicies],
      compare: 'set',
    },
  ],
};
