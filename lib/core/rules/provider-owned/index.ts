import type { LiveResource } from '../../model/live-resource.ts';
import { awsOwnedRules } from './aws.ts';
import { awsServiceCreatedRules, isServiceLaunched } from './aws-service-created.ts';
import { azureOwnedRules } from './azure.ts';
import { gcpOwnedRules } from './gcp.ts';
import { gcpPlatformRules } from './gcp-platform.ts';
import { kubernetesOwnedRules } from './kubernetes.ts';
import { field, str } from './read.ts';
import type { OwnershipContext, ProviderOwnedRule } from './types.ts';

export type { OwnershipContext, ProviderOwnedRule } from './types.ts';

export const providerOwnedRules: readonly ProviderOwnedRule[] = [
  ...awsOwnedRules,
  ...awsServiceCreatedRules,
  ...azureOwnedRules,
  ...gcpOwnedRules,
  ...gcpPlatformRules,
  ...kubernetesOwnedRules,
];

/** Inventory-wide facts the ownership rules use. */
export function ownershipContext(resources: readonly LiveResource[]): OwnershipContext {
  const defaultVpcIds = new Set<string>();
  const defaultDhcpOptionsIds = new Set<string>();
  const managedResourceGroupIds = new Set<string>();
  const serviceInstanceIds = new Set<string>();
  for (const r of resources) {
    if (r.nativeType === 'AWS::EC2::Instance' && isServiceLaunched(r)) {
      for (const id of [str(r.attributes, 'instanceId'), ...r.ids])
        if (id?.startsWith('i-')) serviceInstanceIds.add(id);
    }
    if (r.nativeType === 'AWS::EC2::VPC' && field(r.attributes, 'isDefault') === true) {
      defaultVpcIds.add(str(r.attributes, 'vpcId') ?? r.ids.find((i) => i.startsWith('vpc-')) ?? r.id);
      const dhcp = str(r.attributes, 'dhcpOptionsId');
      if (dhcp) defaultDhcpOptionsIds.add(dhcp);
    } else if (
      r.provider === 'azure' &&
      r.nativeType.toLowerCase().endsWith('/resourcegroups') &&
      (str(r.attributes, 'managedBy') ?? '') !== ''
    ) {
      managedResourceGroupIds.add(r.id.toLowerCase().replace(/\/+$/, ''));
    }
  }
  return { defaultVpcIds, defaultDhcpOptionsIds, managedResourceGroupIds, serviceInstanceIds };
}

/** Name of the rule that says the cloud/cluster owns this object, or null. */
export function providerOwner(live: LiveResource, ctx: OwnershipContext): string | null {
  for (const rule of providerOwnedRules) {
    if (rule.provider === live.provider && rule.owns(live, ctx)) return rule.name;
  }
  return null;
}
