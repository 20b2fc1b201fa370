import type { LiveResource } from '../../model/live-resource.ts';

/** Facts about the whole inventory some rules need (e.g. which VPCs are default VPCs). */
export interface OwnershipContext {
  defaultVpcIds: ReadonlySet<string>;
  /** DHCP option sets attached to a default VPC (created with it). */
  defaultDhcpOptionsIds?: ReadonlySet<string>;
  /** Lower-cased ids of Azure resource groups another resource manages (`managedBy`: AKS, Databricks …). */
  managedResourceGroupIds?: ReadonlySet<string>;
  /** EC2 instance ids an AWS service launched (Auto Scaling, Spot/EC2 Fleet, EKS node groups). */
  serviceInstanceIds?: ReadonlySet<string>;
}

/** A named rule: live objects the cloud or the cluster creates and owns are never "unmanaged". */
export interface ProviderOwnedRule {
  readonly name: string;
  readonly provider: LiveResource['provider'];
  owns(live: LiveResource, ctx: OwnershipContext): boolean;
}
