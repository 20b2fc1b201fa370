import type { ResourceMapping } from '../../core/mapping/types.ts';
import { attr } from './common.ts';
import { sgRuleFacet } from './security-group-rule-facet.ts';

/** aws_security_group_rule: one rule (type ingress/egress) that must be present in its group. */
export const awsSecurityGroupRule: ResourceMapping = sgRuleFacet({
  terraformTypes: ['aws_security_group_rule'],
  isEgress: (res) => attr(res, 'type') === 'egress',
  matchFields: ['protocol', 'from_port', 'to_port'],
  sourceFields: ['cidr_blocks', 'ipv6_cidr_blocks', 'prefix_list_ids', 'source_security_group_id', 'self'],
});
