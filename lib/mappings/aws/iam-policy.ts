import { isPlainObject } from '../../core/diff/path.ts';
import type { ResourceMapping } from '../../core/mapping/types.ts';
import { ABSENT } from '../../core/model/live-resource.ts';
import { iamPolicyDocument } from '../../core/normalize/aws/iam-policy-document.ts';
import { attr, awsScope, conf, identitiesFrom, tagsRule } from './common.ts';

/**
 * aws_iam_policy ↔ AWS::IAM::Policy (resourceId = policy id `ANPA…`, Terraform `policy_id`). The
 * document is the default version's, URL-encoded in policyVersionList.
 */
export const awsIamPolicy: ResourceMapping = {
  provider: 'aws',
  terraformTypes: ['aws_iam_policy'],
  nativeTypes: ['AWS::IAM::Policy'],
  identities: (res) => identitiesFrom(attr(res, 'arn'), res.id, attr(res, 'policy_id')),
  scope: (res) => awsScope(res) ?? 'aws:*:global',
  attributes: [
    tagsRule,
    {
      path: 'policy',
      actual: (live) => {
        const versions = conf('policyVersionList')(live);
        if (versions === ABSENT) return ABSENT;
        if (!Array.isArray(versions)) return ABSENT;
        const def = versions.find(
          (v) => isPlainObject(v) && (v.isDefaultVersion === true || v.isDefaultVersion === 'true'),
        );
        return isPlainObject(def) ? def.document : ABSENT;
      },
      normalize: [iamPolicyDocument],
    },
    { path: 'path', actual: conf('path') },
    { path: 'description', actual: conf('description') },
  ],
};
