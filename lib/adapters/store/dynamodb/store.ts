import {
  ConditionalCheckFailedException,
  CreateTableCommand,
  DescribeTableCommand,
  type DynamoDBClient,
  GetItemCommand,
  PutItemCommand,
  ResourceInUseException,
  ResourceNotFoundException,
  UpdateTimeToLiveCommand,
} from '@aws-sdk/client-dynamodb';
import type { DriftRecord, HistoryEvent, ScanRecord } from '../../../core/model/drift-record.ts';
import {
  ConflictError,
  type DriftQuery,
  type DriftStore,
  type LifecycleWrite,
  type Page,
  type StoreStats,
} from '../../../core/ports/drift-store.ts';
import { batchGet, batchWrite, pool } from './batch.ts';
import { createDynamoDbClient } from './client.ts';
import { eventFrom, eventItem, recordFrom, recordItem, scanFrom, scanItem } from './items.ts';
import {
  ALL_SCANS,
  driftPk,
  EVENT_PREFIX,
  GSI,
  RECORD_SK,
  SCAN_SK,
  scanPk,
  TABLE_INDEX,
  TTL_ATTR,
  targetPartition,
  targetScans,
} from './keys.ts';
import { pagedQuery } from './paged-query.ts';
import { purgeTarget } from './purge.ts';
import { planQuery } from './query-plan.ts';
import { computeStats, queryAll } from './stats.ts';
import { tableDefinition } from './table-schema.ts';

export interface DynamoDbDriftStoreOptions {
  tableName: string;
  client?: DynamoDBClient;
  /** Days a history event is kept (TTL attribute `expiresAt`); default 400. */
  historyTtlDays?: number;
}

const key = (pk: string, sk: string) => ({ pk: { S: pk }, sk: { S: sk } });
const WRITE_CONCURRENCY = 16;

/** The drift store on one DynamoDB table (AWS, or dynalite locally); see docs/data-model.md. */
export class DynamoDbDriftStore implements DriftStore {
  readonly tableName: string;
  readonly client: DynamoDBClient;
  readonly historyTtlDays: number;

  constructor(opts: DynamoDbDriftStoreOptions) {
    this.tableName = opts.tableName;
    this.client = opts.client ?? createDynamoDbClient();
    this.historyTtlDays = opts.historyTtlDays ?? 400;
  }

  async ensureReady(): Promise<void> {
    let status = await this.describe();
    if (status === 'ACTIVE' || status === 'UPDATING') return;
    const created = status === undefined;
    if (created) {
      try {
        await this.client.send(new CreateTableCommand(tableDefinition(this.tableName)));
      } catch (e) {
        if (!(e instanceof ResourceInUseException)) throw e; // another process created it first
      }
    }
    // Another process may be creating it right now: wait for ACTIVE either way (up to 10 min on AWS).
    for (let i = 0; ; i++) {
      status = await this.describe();
      if (status === 'ACTIVE') break;
      if (i >= 600) throw new Error(`table ${this.tableName} is ${status ?? 'missing'}, not ACTIVE`);
      await new Promise((r) => setTimeout(r, 1000));
    }
    if (created) await this.enableTtl();
  }

  private async enableTtl(): Promise<void> {
    try {
      const TimeToLiveSpecification = { AttributeName: TTL_ATTR, Enabled: true };
      await this.client.send(
        new UpdateTimeToLiveCommand({ TableName: this.tableName, TimeToLiveSpecification }),
      );
    } catch (e) {
      // dynalite has no TTL API; locally events then simply never expire.
      if ((e as Error).name !== 'UnknownOperationException') throw e;
    }
  }

  private async describe(): Promise<string | undefined> {
    try {
      const out = await this.client.send(new DescribeTableCommand({ TableName: this.tableName }));
      return out.Table?.TableStatus ?? 'UNKNOWN';
    } catch (e) {
      if (e instanceof ResourceNotFoundException) return undefined;
      throw e;
    }
  }

  async ping(): Promise<boolean> {
    try {
      return (await this.describe()) !== undefined;
    } catch {
      return false;
    }
  }

  async listOpen(target: string): Promise<DriftRecord[]> {
    const out: DriftRecord[] = [];
    for (const status of ['active', 'acknowledged'] as const) {
      await queryAll(
        this.client,
        {
          TableName: this.tableName,
          IndexName: GSI.g2.name,
          KeyConditionExpression: '#pk = :pk',
          ExpressionAttributeNames: { '#pk': GSI.g2.pk },
          ExpressionAttributeValues: { ':pk': { S: targetPartition(target, status) } },
        },
        (items) => out.push(...items.map(recordFrom)),
      );
    }
    return out;
  }

  async getMany(ids: readonly string[]): Promise<DriftRecord[]> {
    const keys = [...new Set(ids)].map((id) => key(driftPk(id), RECORD_SK));
    return (await batchGet(this.client, this.tableName, keys)).map(recordFrom);
  }

  async get(id: string): Promise<DriftRecord | undefined> {
    const out = await this.client.send(
      new GetItemCommand({
        TableName: this.tableName,
        Key: key(driftPk(id), RECORD_SK),
        ConsistentRead: true,
      }),
    );
    return out.Item ? recordFrom(out.Item) : undefined;
  }

  query(q: DriftQuery): Promise<Page<DriftRecord>> {
    const plan = planQuery(q);
    return pagedQuery(this.client, this.tableName, plan.parts, {
      limit: q.limit,
      cursor: q.cursor,
      tag: plan.tag,
      keep: (item) => plan.matches(recordFrom(item)),
      map: recordFrom,
    });
  }

  history(id: string, limit: number, cursor?: string): Promise<Page<HistoryEvent>> {
    const part = {
      index: TABLE_INDEX,
      value: driftPk(id),
      sk: { op: 'begins_with' as const, value: EVENT_PREFIX },
    };
    return pagedQuery(this.client, this.tableName, [part], {
      limit,
      cursor,
      tag: `history:${id}`,
      map: eventFrom,
    });
  }

  /**
   * Each record is one conditional PutItem on its version (a mismatch is a ConflictError); the events of
   * the records written then go through BatchWriteItem. Event keys are deterministic, so a replay rewrites
   * the same items (no duplicates). Writes that do not conflict are kept; the first conflict is thrown.
   */
  async apply(writes: readonly LifecycleWrite[]): Promise<void> {
    if (writes.length === 0) return;
    const conflicts: string[] = [];
    const done = await pool(writes, WRITE_CONCURRENCY, async (w) => {
      try {
        await this.client.send(new PutItemCommand(this.conditionalPut(w)));
        return w;
      } catch (e) {
        if (!(e instanceof ConditionalCheckFailedException)) throw e;
        conflicts.push(w.record.id);
        return undefined;
      }
    });
    const events = done.flatMap((w) => w?.events ?? []);
    const requests = events.map((e) => ({ PutRequest: { Item: eventItem(e, this.historyTtlDays) } }));
    await batchWrite(this.client, this.tableName, requests);
    if (conflicts.length) throw new ConflictError(conflicts[0] as string);
  }

  private conditionalPut(w: LifecycleWrite) {
    const base = { TableName: this.tableName, Item: recordItem(w.record) };
    if (w.expectedVersion === 0) return { ...base, ConditionExpression: 'attribute_not_exists(pk)' };
    return {
      ...base,
      ConditionExpression: '#v = :expected',
      ExpressionAttributeNames: { '#v': 'version' },
      ExpressionAttributeValues: { ':expected': { N: String(w.expectedVersion) } },
    };
  }

  async putScan(scan: ScanRecord): Promise<void> {
    await this.client.send(new PutItemCommand({ TableName: this.tableName, Item: scanItem(scan) }));
  }

  async getScan(scanId: string): Promise<ScanRecord | undefined> {
    const out = await this.client.send(
      new GetItemCommand({
        TableName: this.tableName,
        Key: key(scanPk(scanId), SCAN_SK),
        ConsistentRead: true,
      }),
    );
    return out.Item ? scanFrom(out.Item) : undefined;
  }

  listScans(limit: number, cursor?: string, target?: string): Promise<Page<ScanRecord>> {
    const part = target ? { index: GSI.g2, value: targetScans(target) } : { index: GSI.g1, value: ALL_SCANS };
    return pagedQuery(this.client, this.tableName, [part], {
      limit,
      cursor,
      tag: `scans:${part.value}`,
      map: scanFrom,
    });
  }

  stats(days: number, now: Date): Promise<StoreStats> {
    return computeStats(this.client, this.tableName, days, now);
  }

  purgeTarget(target: string): Promise<number> {
    return purgeTarget(this.client, this.tableName, target);
  }
}
