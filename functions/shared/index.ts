export { type EventPublisher, type JsonBlobs, lazy, type ScanDeps, scanDepsFromEnv } from './deps.ts';
export { configFromEnv, parseScanEnv, type ScanEnv, ScanEnvSchema } from './env.ts';
export { EnvironmentError, InvalidInputError, oneLine, parseInput } from './errors.ts';
export { loadHashKey, type SecretReader } from './hash-key.ts';
export { liveIdsKey, manifestKey, outboxKey, recordScanId, reportKey } from './keys.ts';
export { onFirstCall, taskHandler } from './middy.ts';
export { type ShardLine, ShardLineSchema } from './shard-line.ts';
