export { BATCH_WRITE_SIZE, UnprocessedItemsError } from './batch.ts';
export { createDynamoDbClient, endpointFromEnv, isLocalEndpoint } from './client.ts';
export { DEFAULT_TABLE, openLocalStore, startEmbeddedDynamo } from './embedded.ts';
export { InvalidCursorError } from './paged-query.ts';
export { DynamoDbDriftStore, type DynamoDbDriftStoreOptions } from './store.ts';
export { tableDefinition } from './table-schema.ts';
