import {
  ConditionalCheckFailedException,
  DynamoDBClient,
  GetItemCommand,
  PutItemCommand,
  QueryCommand,
} from '@aws-sdk/client-dynamodb';
import type { ApprovalQuery, ApprovalStore } from '../../../core/ports/approval-store.ts';
import {
  type Approval,
  type ApprovalStatus,
  ApprovalStatusSchema,
} from '../../../core/remediation/approval.ts';
import { ApprovalConflictError } from '../../../core/remediation/errors.ts';
import {
  APPROVAL_SK,
  approvalFrom,
  approvalItem,
  approvalPk,
  driftPartition,
  type Item,
  statusPartition,
} from './item.ts';

export interface DynamoDbApprovalStoreOptions {
  tableName: string;
  /** The drift store's client (same table, same endpoint). */
  client?: DynamoDBClient;
}

/** Approvals in the drift table: GetItem by id, Query on gsi1 (status) or gsi2 (drift); never Scan. */
export class DynamoDbApprovalStore implements ApprovalStore {
  readonly tableName: string;
  readonly client: DynamoDBClient;

  constructor(opts: DynamoDbApprovalStoreOptions) {
    this.tableName = opts.tableName;
    this.client = opts.client ?? new DynamoDBClient({});
  }

  async create(approval: Approval): Promise<Approval> {
    try {
      await this.client.send(
        new PutItemCommand({
          TableName: this.tableName,
          Item: approvalItem(approval),
          ConditionExpression: 'attribute_not_exists(pk)',
        }),
      );
      return approval;
    } catch (err) {
      if (!(err instanceof ConditionalCheckFailedException)) throw err;
      // A replayed RequestApproval: the first one's approval (and decision) stands.
      const existing = await this.get(approval.id);
      if (!existing) throw err;
      return existing;
    }
  }

  async get(id: string): Promise<Approval | undefined> {
    const out = await this.client.send(
      new GetItemCommand({
        TableName: this.tableName,
        Key: { pk: { S: approvalPk(id) }, sk: { S: APPROVAL_SK } },
        ConsistentRead: true,
      }),
    );
    return out.Item ? approvalFrom(out.Item) : undefined;
  }

  async list(q: ApprovalQuery): Promise<Approval[]> {
    if (q.driftId !== undefined) {
      const items = await this.query(
        'gsi2',
        'gsi2pk',
        driftPartition(q.driftId),
        q.status ? undefined : q.limit,
      );
      return items.filter((a) => q.status === undefined || a.status === q.status).slice(0, q.limit);
    }
    const statuses: readonly ApprovalStatus[] = q.status ? [q.status] : ApprovalStatusSchema.options;
    const lists = await Promise.all(
      statuses.map((s) => this.query('gsi1', 'gsi1pk', statusPartition(s), q.limit)),
    );
    return lists
      .flat()
      .sort((a, b) =>
        a.requestedAt === b.requestedAt
          ? b.id.localeCompare(a.id)
          : b.requestedAt.localeCompare(a.requestedAt),
      )
      .slice(0, q.limit);
  }

  async transition(next: Approval, from: readonly ApprovalStatus[]): Promise<Approval> {
    const values: Item = {};
    from.forEach((s, i) => {
      values[`:s${i}`] = { S: s };
    });
    try {
      await this.client.send(
        new PutItemCommand({
          TableName: this.tableName,
          Item: approvalItem(next),
          ConditionExpression: `#status IN (${Object.keys(values).join(', ')})`,
          ExpressionAttributeNames: { '#status': 'status' },
          ExpressionAttributeValues: values,
        }),
      );
      return next;
    } catch (err) {
      if (!(err instanceof ConditionalCheckFailedException)) throw err;
      const current = await this.get(next.id);
      throw new ApprovalConflictError(next.id, current?.status ?? 'missing');
    }
  }

  /** One partition, newest first, up to `limit` items (all when undefined). */
  private async query(
    index: string,
    key: string,
    value: string,
    limit: number | undefined,
  ): Promise<Approval[]> {
    const out: Approval[] = [];
    let start: Item | undefined;
    do {
      const page = await this.client.send(
        new QueryCommand({
          TableName: this.tableName,
          IndexName: index,
          KeyConditionExpression: '#k = :v',
          ExpressionAttributeNames: { '#k': key },
          ExpressionAttributeValues: { ':v': { S: value } },
          ScanIndexForward: false,
          ...(limit !== undefined ? { Limit: limit } : {}),
          ...(start ? { ExclusiveStartKey: start } : {}),
        }),
      );
      for (const item of page.Items ?? []) out.push(approvalFrom(item));
      start = page.LastEvaluatedKey;
    } while (start && (limit === undefined || out.length < limit));
    return limit === undefined ? out : out.slice(0, limit);
  }
}
