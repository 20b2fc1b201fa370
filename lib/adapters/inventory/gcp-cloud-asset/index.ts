/** Live GCP inventory through Cloud Asset Inventory (listAssets / exportAssets over REST). */
export { createAssetClient, createStorage } from './clients.ts';
export { describeError, GcpExportError, GcpTimeoutError, isRetryable } from './errors.ts';
export { GcpCloudAssetInventory } from './gcp-cloud-asset-inventory.ts';
export {
  type GcpAuthLike,
  type GcpCall,
  type GcpCloudAssetOptions,
  GcpParentSchema,
  type GcpRetryOptions,
  parentsOf,
} from './options.ts';
