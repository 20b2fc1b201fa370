export {
  type ChangedPath,
  ChangedPathSchema,
  type DriftAcknowledged,
  DriftAcknowledgedSchema,
  type DriftChanged,
  DriftChangedSchema,
  type DriftDetected,
  DriftDetectedSchema,
  type DriftResolved,
  DriftResolvedSchema,
} from './drift-details.ts';
export {
  DETAIL_SCHEMAS,
  DETAIL_TYPES,
  type DetailOf,
  type DetailType,
  type DriftwatchEvent,
  DriftwatchEventSchema,
  EVENT_SOURCE,
} from './event-union.ts';
export {
  changedPaths,
  eventsFromWrites,
  scanCompletedEvent,
  scanEventId,
  scanFailedEvent,
} from './from-writes.ts';
export { detailJsonSchema, eventSchemaFiles } from './json-schema.ts';
export * from './remediation-details.ts';
export * from './scan-details.ts';
