// GENERATED FILE, DO NOT EDIT. Regenerate with `npm run gen:type-map` (scripts/generate-type-map.ts).
// Source: type-map.tsv (sha256 fd6c55dafc1b43e55102d483c488da2d117378471155d7ebb527277198105dd8), documented in SOURCE.md next to it.
// Rows: 3618 (aws 1835, azure 1117, gcp 576, kubernetes 90). Columns kept: provider, terraform type, native type, inventory.
// Provenance: type-name pairs (facts) extracted from these repositories at these commits; no code copied.
//   GoogleCloudPlatform/terraform-google-conversion@b9c00f88ea46 (Apache-2.0): cited by 576 rows
//   aws-samples/aws2tf@3019e95b7f09 (MIT-0): cited by 202 rows
//   awslabs/aws-config-resource-schema@adf55132ad87 (Apache-2.0): cited by 17 rows
//   hashicorp/terraform-provider-awscc@f995d4f41396 (MPL-2.0): cited by 1443 rows
//   hashicorp/terraform-provider-kubernetes@3a33fb6cc605 (MPL-2.0): cited by 90 rows
//   iann0036/former2@742b79c32608 (MIT): cited by 285 rows
//   magodo/aztft@2c6101a24b3e (MPL-2.0): cited by 1117 rows
//   MicrosoftDocs/azure-docs Resource Graph table reference (CC BY 4.0, © Microsoft,
//   https://github.com/MicrosoftDocs/azure-docs): only which types each table lists, for azure `inventory`.
// Caveat: AWS::IAM::Policy is an inline policy in rows with inventory none (former2) and a managed
// policy in rows with inventory config (AWS Config); always read the inventory column.

import { concatRows, type TypeMapRow } from './type-map-row.ts';
import { TYPE_MAP_AWS } from './type-map-aws.ts';
import { TYPE_MAP_AZURE } from './type-map-azure.ts';
import { TYPE_MAP_GCP } from './type-map-gcp.ts';
import { TYPE_MAP_KUBERNETES } from './type-map-kubernetes.ts';

export { TYPE_MAP_AWS } from './type-map-aws.ts';
export { TYPE_MAP_AZURE } from './type-map-azure.ts';
export { TYPE_MAP_GCP } from './type-map-gcp.ts';
export { TYPE_MAP_KUBERNETES } from './type-map-kubernetes.ts';

/** Every (Terraform type, native type, inventory) pair of the shared type map, sorted. */
export const TYPE_MAP: readonly TypeMapRow[] = /* @__PURE__ */ concatRows(TYPE_MAP_AWS, TYPE_MAP_AZURE, TYPE_MAP_GCP, TYPE_MAP_KUBERNETES);
