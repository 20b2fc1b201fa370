import type { CreateTableCommandInput } from '@aws-sdk/client-dynamodb';
import { GSI, PK, SK } from './keys.ts';

/** CreateTable input for the drift table: on-demand, string keys, six overloaded GSIs projecting ALL. */
export function tableDefinition(tableName: string): CreateTableCommandInput {
  const indexes = Object.values(GSI);
  return {
    TableName: tableName,
    BillingMode: 'PAY_PER_REQUEST',
    AttributeDefinitions: [PK, SK, ...indexes.flatMap((g) => [g.pk, g.sk])].map((n) => ({
      AttributeName: n,
      AttributeType: 'S',
    })),
    KeySchema: [
      { AttributeName: PK, KeyType: 'HASH' },
      { AttributeName: SK, KeyType: 'RANGE' },
    ],
    GlobalSecondaryIndexes: indexes.map((g) => ({
      IndexName: g.name,
      KeySchema: [
        { AttributeName: g.pk, KeyType: 'HASH' },
        { AttributeName: g.sk, KeyType: 'RANGE' },
      ],
      Projection: { ProjectionType: 'ALL' },
    })),
  };
}
