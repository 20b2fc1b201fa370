import { providerOfTerraformType } from '../../../../lib/core/model/provider.ts';
import type { StateResource } from '../../../../lib/core/model/state-resource.ts';

/** A managed root-module state instance of `type` with the given attributes, as the v4 parser yields it. */
export function stateResource(type: string, attributes: Record<string, unknown>): StateResource {
  const id = typeof attributes.id === 'string' ? attributes.id : null;
  return {
    source: 'test.tfstate',
    address: `${type}.this`,
    mode: 'managed',
    type,
    name: 'this',
    module: null,
    index: null,
    provider: 'provider["registry.terraform.io/hashicorp/x"]',
    cloud: providerOfTerraformType(type),
    id,
    attributes,
  };
}
