import { getPath, isPlainObject } from '../../core/diff/path.ts';
import type { AttributeRule, ResourceMapping } from '../../core/mapping/types.ts';
import { ABSENT } from '../../core/model/live-resource.ts';
import type { StateResource } from '../../core/model/state-resource.ts';
import { securityGroupRules } from '../../core/normalize/aws/security-group-rules.ts';
import { attr, awsScope, conf, identitiesFrom, tagsRule } from './common.ts';

/**
 * Terraform inline rules with `self = true` resolved to the group's own id, which is how EC2 (and
 * Config's userIdGroupPairs) spell a self reference.
 */
export function inlineRulesWithSelf(res: StateResource, block: 'ingress' | 'egress'): unknown {
  const rules = getPath(res.attributes, block);
  if (!Array.isArray(rules)) return rules;
  const selfId = attr(res, 'id') ?? res.id ?? '';
  return rules.map((r) => {
    if (!isPlainObject(r) || (r.self !== true && r.self !== 'true')) return r;
    const groups = Array.isArray(r.security_groups) ? r.security_groups : [];
    return { ...r, self: false, security_groups: [...groups, selfId] };
  });
}

function rulesRule(block: 'ingress' | 'egress', livePath: string): AttributeRule {
  return {
    path: block,
    desired: (res) => inlineRulesWithSelf(res, block),
    actual: (live) => {
      const v = conf(livePath)(live);
      return v === ABSENT ? ABSENT : (v ?? []);
    },
    normalize: [securityGroupRules],
    compare: 'set',
  };
}

/**
 * aws_security_group ↔ AWS::EC2::SecurityGroup. Rules compare as sets of single-source rules, so
 * `cidr_blocks = [a, b]` in one block equals two ipv4Ranges, in any order. An empty desired rule list
 * is not compared: the rules may be owned by aws_security_group_rule resources created after the
 * group's last refresh.
 */
export const awsSecurityGroup: ResourceMapping = {
  provider: 'aws',
  terraformTypes: ['aws_security_group'],
  nativeTypes: ['AWS::EC2::SecurityGroup'],
  identities: (res) => identitiesFrom(attr(res, 'arn'), res.id),
  scope: (res) => awsScope(res),
  attributes: [tagsRule, rulesRule('ingress', 'ipPermissions'), rulesRule('egress', 'ipPermissionsEgress')],
};
