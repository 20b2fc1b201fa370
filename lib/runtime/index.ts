export { defaultClassifier, defaultRegistry } from './compose.ts';
export type { RuntimeContext } from './context.ts';
export { createFingerprint } from './fingerprint.ts';
export { createHasher } from './hasher.ts';
export { recordReport } from './record-report.ts';
export { type ResolutionFacts, resolutionFacts } from './resolution-context.ts';
export { planShards, type ShardSpec } from './shards.ts';
export { inventoryForShard, loadTargetDesired } from './target-sources.ts';
