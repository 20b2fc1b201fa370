import type { LiveResource } from '../../model/live-resource.ts';

/** Facts about the whole inventory some rules need (e.g. which VPCs are default VPCs). */
export interface OwnershipContext {
  defaultVpcIds: ReadonlySet<string>;
}

/** A named rule: live objects the cloud or the cluster creates and owns are never "unmanaged". */
export interface ProviderOwnedRule {
  readonly name: string;
  readonly provider: LiveResource['provider'];
  owns(live: LiveResource, ctx: OwnershipContext): boolean;
}
