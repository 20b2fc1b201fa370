import type { LiveResource } from '../../../core/model/live-resource.ts';
import { isPlainObject, lastSegment, str } from './values.ts';

const VNET_TYPE = 'microsoft.network/virtualnetworks';
const SUBNET_TYPE = 'Microsoft.Network/virtualNetworks/subnets';

/**
 * Resource Graph has no rows for subnets: they live inside their virtual network's
 * `properties.subnets[]`. Lift them out as items of their own ARM type, so azurerm_subnet can be
 * matched and compared; a VNet row without subnet details yields none (nothing is invented).
 */
export function embeddedSubnets(vnet: LiveResource): LiveResource[] {
  if (vnet.nativeType.toLowerCase() !== VNET_TYPE) return [];
  const props = vnet.attributes?.properties;
  if (!isPlainObject(props) || !Array.isArray(props.subnets)) return [];
  const out: LiveResource[] = [];
  for (const s of props.subnets) {
    if (!isPlainObject(s) || typeof s.id !== 'string') continue;
    out.push({
      provider: 'azure',
      nativeType: SUBNET_TYPE,
      id: s.id,
      ids: [s.id],
      name: str(s.name) ?? lastSegment(s.id),
      scope: vnet.scope,
      attributes: {
        id: s.id,
        name: str(s.name) ?? lastSegment(s.id),
        type: SUBNET_TYPE,
        properties: s.properties ?? null,
      },
      // Subnets carry no tags in ARM.
      tags: null,
      capturedAt: vnet.capturedAt,
      source: vnet.source,
    });
  }
  return out;
}
