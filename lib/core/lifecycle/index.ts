export {
  type AcknowledgeInput,
  acknowledge,
  expireAcknowledgements,
  SYSTEM_ACTOR,
  unacknowledge,
} from './acknowledge.ts';
export { driftId, driftIdentity, parseDriftId } from './drift-id.ts';
export { LifecycleError } from './errors.ts';
export { fingerprintMaterial } from './fingerprint.ts';
export { planScan, type ScanPlan, type ScanPlanInput } from './plan-scan.ts';
export { FLAPPING_REOPENS } from './record-build.ts';
export { MAX_SCAN_ATTEMPTS, type RecordedScan, type RecordScanInput, recordScan } from './record-scan.ts';
export { coveredCompletely, type ResolutionContext, resolutionOf } from './resolution.ts';
export { emptyCounts, type ScanCounts } from './scan-counts.ts';
