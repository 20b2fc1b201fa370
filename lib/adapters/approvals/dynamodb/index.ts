export { APPROVAL_SK, approvalItem, approvalPk, driftPartition, statusPartition } from './item.ts';
export { DynamoDbApprovalStore, type DynamoDbApprovalStoreOptions } from './store.ts';
