/**
 * Every ARM resource plus the resource groups and subscriptions (resourcecontainers). The columns
 * are what the shared azureReader and the azurerm mappings read; subscription rows tell which
 * subscriptions Resource Graph actually answered for (it skips inaccessible ones silently).
 */
export const INVENTORY_QUERY = [
  'resources',
  '| union (resourcecontainers)',
  '| project id, name, type, location, resourceGroup, subscriptionId, tenantId, tags, sku, kind,',
  '  identity, plan, managedBy, zones, extendedLocation, properties',
].join('\n');

/** Change records of the last `minutes` minutes (Resource Graph lags ARM; these are re-read). */
export function changesQuery(minutes: number): string {
  return [
    'resourcechanges',
    '| extend changeTime = todatetime(properties.changeAttributes.timestamp)',
    `| where changeTime > ago(${Math.trunc(minutes)}m)`,
    '| project id, type, subscriptionId, properties',
  ].join('\n');
}

/** Rows per page: the documented maximum of `$top`. */
export const PAGE_SIZE = 1000;
