/**
 * Native inventory record formats (AWS Config items, ARM/Resource Graph rows, Cloud Asset
 * resources, Kubernetes objects) → canonical LiveResource. Shared by the export-file reader and
 * the live API adapters, so a record reads the same whether it came from a file or an API page.
 */

export { awsConfigReader } from './aws-config.ts';
export { type AwsItemContext, awsConfigItem } from './aws-config-item.ts';
export { embeddedSubnets } from './azure-embedded-children.ts';
export { azureReader } from './azure-resources.ts';
export { coverageOf } from './coverage-evidence.ts';
export { gcpReader } from './gcp-cloud-asset.ts';
export { learnProjectIds, projectIdInName, projectNumberOf } from './gcp-projects.ts';
export { kubernetesReader } from './kubernetes-objects.ts';
export {
  type InventoryReadOptions,
  parseInventoryDocument,
  parseInventoryText,
} from './parse-inventory-text.ts';
export type { FormatReader, ReadContext } from './reader.ts';
export { isPlainObject, str, stringMap, toIso } from './values.ts';
