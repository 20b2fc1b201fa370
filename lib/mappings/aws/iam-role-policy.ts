import { isPlainObject } from '../../core/diff/path.ts';
import type { ResourceMapping } from '../../core/mapping/types.ts';
import { ABSENT } from '../../core/model/live-resource.ts';
import { iamPolicyDocument } from '../../core/normalize/aws/iam-policy-document.ts';
import { attr, conf, identitiesFrom } from './common.ts';

/** Role name of an aws_iam_role_policy (`role` attribute, else the `<role>:<name>` id). */
function roleName(res: Parameters<ResourceMapping['identities']>[0]): string | undefined {
  return attr(res, 'role') ?? res.id?.split(':')[0];
}

/**
 * aws_iam_role_policy: an inline policy, a fact about its role's live item. Compared against the
 * role's rolePolicyList entry with the same name (null when the policy is gone).
 */
export const awsIamRolePolicy: ResourceMapping = {
  provider: 'aws',
  terraformTypes: ['aws_iam_role_policy'],
  nativeTypes: ['AWS::IAM::Role'],
  role: 'facet',
  identities: (res) => identitiesFrom(roleName(res)),
  scope: () => 'aws:*:global',
  attributes: [
    {
      path: 'policy',
      actual: (live, res) => {
        const list = conf('rolePolicyList')(live);
        if (list === ABSENT) return ABSENT;
        const name = attr(res, 'name') ?? res.id?.split(':').slice(1).join(':');
        const entry = (Array.isArray(list) ? list : []).find(
          (p) => isPlainObject(p) && p.policyName === name,
        );
        return isPlainObject(entry) ? (entry.policyDocument ?? null) : null;
      },
      normalize: [iamPolicyDocument],
    },
  ],
};
