export { roleArnFor } from './assume-role.ts';
export { AwsInventory } from './aws-inventory.ts';
export { PAGE_LIMIT, SELECT_FIELDS, selectExpression } from './config-query.ts';
export {
  type AwsCredentials,
  AwsInventoryConfigError,
  type AwsInventoryOptions,
  type AwsService,
} from './options.ts';
export { configRecordableTypes, coverageFromRecorders, GLOBAL_TYPES } from './recorder-coverage.ts';
