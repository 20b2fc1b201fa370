import type { ResourceMapping } from '../../core/mapping/types.ts';
import { sgRuleFacet } from './security-group-rule-facet.ts';

const fields = {
  matchFields: ['ip_protocol', 'from_port', 'to_port'],
  sourceFields: ['cidr_ipv4', 'cidr_ipv6', 'prefix_list_id', 'referenced_security_group_id'],
};

/** aws_vpc_security_group_ingress_rule: one ingress rule that must be present in its group. */
export const awsVpcSecurityGroupIngressRule: ResourceMapping = sgRuleFacet({
  terraformTypes: ['aws_vpc_security_group_ingress_rule'],
  isEgress: () => false,
  ...fields,
});

/** aws_vpc_security_group_egress_rule: one egress rule that must be present in its group. */
export const awsVpcSecurityGroupEgressRule: ResourceMapping = sgRuleFacet({
  terraformTypes: ['aws_vpc_security_group_egress_rule'],
  isEgress: () => true,
  ...fields,
});
