import { Logger } from '@aws-lambda-powertools/logger';
import { Metrics } from '@aws-lambda-powertools/metrics';
import { S3JsonStore } from '../../lib/adapters/blobs/s3/index.ts';
import { EventBridgePublisher } from '../../lib/adapters/events/eventbridge/index.ts';
import { createDynamoDbClient, DynamoDbDriftStore } from '../../lib/adapters/store/dynamodb/index.ts';
import type { DriftwatchConfig } from '../../lib/core/config/index.ts';
import type { DriftwatchEvent } from '../../lib/core/events/index.ts';
import type { DriftStore } from '../../lib/core/ports/drift-store.ts';
import { configFromEnv, parseScanEnv } from './env.ts';
import { loadHashKey } from './hash-key.ts';

/** The JSON / JSONL objects the workflow keeps in its bucket (manifests, shard reports). */
export interface JsonBlobs {
  readonly bucket: string;
  putJson(key: string, value: unknown): Promise<void>;
  getJson(key: string): Promise<unknown>;
  putJsonLines(key: string, values: Iterable<unknown>): Promise<void>;
  getJsonLines(key: string): AsyncIterable<unknown>;
}

export interface EventPublisher {
  publish(events: readonly DriftwatchEvent[]): Promise<number>;
}

/** Everything a scan workflow handler needs, built once per container from the environment. */
export interface ScanDeps {
  config: DriftwatchConfig;
  store: DriftStore;
  blobs: JsonBlobs;
  events: EventPublisher;
  hashKey(): Promise<string>;
  /** Where relative config paths (state files, exports, ignore files) start. */
  cwd: string;
  env: Record<string, string | undefined>;
  logger: Logger;
  metrics: Metrics;
  now(): Date;
}

/** Builds the handler dependencies from the Lambda environment (see docs/workflows.md). */
export function scanDepsFromEnv(env: NodeJS.ProcessEnv, service: string): ScanDeps {
  const e = parseScanEnv(env);
  return {
    config: configFromEnv(e),
    store: new DynamoDbDriftStore({ tableName: e.TABLE_NAME, client: createDynamoDbClient(env) }),
    blobs: new S3JsonStore({ bucket: e.BUCKET_NAME }),
    events: new EventBridgePublisher({ eventBusName: e.EVENT_BUS_NAME }),
    hashKey: () => loadHashKey(e),
    cwd: e.DRIFTWATCH_BASE_DIR ?? process.cwd(),
    env,
    logger: new Logger({ serviceName: service }),
    metrics: new Metrics({ namespace: 'driftwatch', serviceName: service }),
    now: () => new Date(),
  };
}

/** Builds the dependencies on first use, so importing a handler module never reads the environment. */
export function lazy<T>(build: () => T): () => T {
  let value: T | undefined;
  return () => {
    value ??= build();
    return value;
  };
}
