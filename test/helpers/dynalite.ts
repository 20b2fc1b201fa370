import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { startEmbeddedDynamo } from '../../lib/adapters/store/dynamodb/embedded.ts';
import { DynamoDbDriftStore } from '../../lib/adapters/store/dynamodb/store.ts';

process.env.AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED = 'true';

export interface TestDynamo {
  endpoint: string;
  client: DynamoDBClient;
  /** Write/read commands sent through `client`, by name, since the last reset. */
  calls: string[];
  close(): Promise<void>;
}

/** Starts an in-memory dynalite on port 0 with a client that records every command it sends. */
export async function startDynalite(dir: string | null = null): Promise<TestDynamo> {
  const server = await startEmbeddedDynamo({ dir, port: 0 });
  const client = new DynamoDBClient({
    endpoint: server.endpoint,
    region: 'us-east-1',
    credentials: { accessKeyId: 'test', secretAccessKey: 'test' },
  });
  const calls: string[] = [];
  client.middlewareStack.add(
    (next, context) => (args) => {
      calls.push(String(context.commandName).replace(/Command$/, ''));
      return next(args);
    },
    { step: 'initialize', name: 'countCommands' },
  );
  return {
    endpoint: server.endpoint,
    client,
    calls,
    close: async () => {
      client.destroy();
      await server.close();
    },
  };
}

let tables = 0;
/** A ready store on a fresh table of the given dynalite. */
export async function freshStore(d: TestDynamo, historyTtlDays?: number): Promise<DynamoDbDriftStore> {
  const store = new DynamoDbDriftStore({ tableName: `drifts-${++tables}`, client: d.client, historyTtlDays });
  await store.ensureReady();
  return store;
}

export const WRITE_COMMANDS = new Set([
  'PutItem',
  'UpdateItem',
  'DeleteItem',
  'BatchWriteItem',
  'TransactWriteItems',
]);
