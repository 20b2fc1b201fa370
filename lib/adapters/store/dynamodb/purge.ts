import type { DynamoDBClient, WriteRequest } from '@aws-sdk/client-dynamodb';
import { batchWrite } from './batch.ts';
import { GSI, PK, SK, targetPartition, targetScans } from './keys.ts';
import { type Item, str } from './marshall.ts';
import { queryAll } from './stats.ts';

const keysOnly = (items: Item[]): Item[] =>
  items.map((i) => ({ [PK]: { S: str(i, PK) }, [SK]: { S: str(i, SK) } }));

/**
 * Deletes a target's records (each with its events) and scans: the target index finds them, one Query
 * per record collects its item collection, and everything is deleted through BatchWriteItem.
 * Returns the number of drift records removed.
 */
export async function purgeTarget(client: DynamoDBClient, table: string, target: string): Promise<number> {
  const onIndex = (value: string) => ({
    TableName: table,
    IndexName: GSI.g2.name,
    KeyConditionExpression: '#pk = :pk',
    ProjectionExpression: '#h, #r',
    ExpressionAttributeNames: { '#pk': GSI.g2.pk, '#h': PK, '#r': SK },
    ExpressionAttributeValues: { ':pk': { S: value } },
  });
  const records: Item[] = [];
  const doomed: Item[] = [];
  for (const status of ['active', 'acknowledged', 'resolved'] as const) {
    await queryAll(client, onIndex(targetPartition(target, status)), (items) =>
      records.push(...keysOnly(items)),
    );
  }
  await queryAll(client, onIndex(targetScans(target)), (items) => doomed.push(...keysOnly(items)));
  for (const r of records) {
    const input = {
      TableName: table,
      KeyConditionExpression: '#h = :pk',
      ProjectionExpression: '#h, #r',
      ExpressionAttributeNames: { '#h': PK, '#r': SK },
      ExpressionAttributeValues: { ':pk': { S: str(r, PK) } },
    };
    await queryAll(client, input, (items) => doomed.push(...keysOnly(items)));
  }
  const requests: WriteRequest[] = doomed.map((Key) => ({ DeleteRequest: { Key } }));
  await batchWrite(client, table, requests);
  return records.length;
}
