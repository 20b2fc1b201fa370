export { entryBatches, entrySize, MAX_BATCH_BYTES, MAX_BATCH_ENTRIES } from './entry-batches.ts';
export { EventBridgePublisher, type EventBridgePublisherOptions, EventPublishError } from './publisher.ts';
