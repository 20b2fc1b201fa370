import { z } from 'zod';
import {
  DriftAcknowledgedSchema,
  DriftChangedSchema,
  DriftDetectedSchema,
  DriftResolvedSchema,
} from './drift-details.ts';
import {
  RemediationApprovedSchema,
  RemediationExecutedSchema,
  RemediationFailedSchema,
  RemediationRejectedSchema,
  RemediationRequestedSchema,
} from './remediation-details.ts';
import { ScanCompletedSchema, ScanFailedSchema } from './scan-details.ts';

/** Every EventBridge detail type driftwatch publishes (source `driftwatch`), with its schema. */
export const DETAIL_SCHEMAS = {
  DriftDetected: DriftDetectedSchema,
  DriftChanged: DriftChangedSchema,
  DriftResolved: DriftResolvedSchema,
  DriftAcknowledged: DriftAcknowledgedSchema,
  ScanCompleted: ScanCompletedSchema,
  ScanFailed: ScanFailedSchema,
  RemediationRequested: RemediationRequestedSchema,
  RemediationApproved: RemediationApprovedSchema,
  RemediationRejected: RemediationRejectedSchema,
  RemediationExecuted: RemediationExecutedSchema,
  RemediationFailed: RemediationFailedSchema,
} as const;

export type DetailType = keyof typeof DETAIL_SCHEMAS;
export const DETAIL_TYPES = Object.keys(DETAIL_SCHEMAS) as DetailType[];

/** The EventBridge source of every driftwatch event. */
export const EVENT_SOURCE = 'driftwatch';

const entry = <T extends DetailType>(t: T) =>
  z.object({ detailType: z.literal(t), detail: DETAIL_SCHEMAS[t] }).strict();

/** One event to publish: its detail type and detail, discriminated on `detailType`. */
export const DriftwatchEventSchema = z.discriminatedUnion('detailType', [
  entry('DriftDetected'),
  entry('DriftChanged'),
  entry('DriftResolved'),
  entry('DriftAcknowledged'),
  entry('ScanCompleted'),
  entry('ScanFailed'),
  entry('RemediationRequested'),
  entry('RemediationApproved'),
  entry('RemediationRejected'),
  entry('RemediationExecuted'),
  entry('RemediationFailed'),
]);
export type DriftwatchEvent = z.infer<typeof DriftwatchEventSchema>;
/** The detail of one detail type. */
export type DetailOf<T extends DetailType> = z.infer<(typeof DETAIL_SCHEMAS)[T]>;
