import type { LiveResource } from '../../model/live-resource.ts';
import { awsOwnedRules } from './aws.ts';
import { azureOwnedRules } from './azure.ts';
import { gcpOwnedRules } from './gcp.ts';
import { kubernetesOwnedRules } from './kubernetes.ts';
import { field, str } from './read.ts';
import type { OwnershipContext, ProviderOwnedRule } from './types.ts';

export type { OwnershipContext, ProviderOwnedRule } from './types.ts';

export const providerOwnedRules: readonly ProviderOwnedRule[] = [
  ...awsOwnedRules,
  ...azureOwnedRules,
  ...gcpOwnedRules,
  ...kubernetesOwnedRules,
];

/** Inventory-wide facts the ownership rules use. */
export function ownershipContext(resources: readonly LiveResource[]): OwnershipContext {
  const defaultVpcIds = new Set<string>();
  for (const r of resources) {
    if (r.nativeType === 'AWS::EC2::VPC' && field(r.attributes, 'isDefault') === true) {
      defaultVpcIds.add(str(r.attributes, 'vpcId') ?? r.ids.find((i) => i.startsWith('vpc-')) ?? r.id);
    }
  }
  return { defaultVpcIds };
}

/** Name of the rule that says the cloud/cluster owns this object, or null. */
export function providerOwner(live: LiveResource, ctx: OwnershipContext): string | null {
  for (const rule of providerOwnedRules) {
    if (rule.provider === live.provider && rule.owns(live, ctx)) return rule.name;
  }
  return null;
}
