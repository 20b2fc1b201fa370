import type { ResourceGraphClient } from '@azure/arm-resourcegraph';
import type { RequestOptionsBase } from '@azure/ms-rest-js';
import type { AzureOp, CallRunner } from './call-runner.ts';
import { PAGE_SIZE } from './queries.ts';

type Row = Record<string, unknown>;
// ms-rest-js types its signal as an older AbortSignalLike; Node's AbortSignal satisfies it at run time.
type MsAbortSignal = NonNullable<RequestOptionsBase['abortSignal']>;

/** All rows of one query over a batch of subscriptions, following `$skipToken` page by page. */
export async function queryAll(
  client: ResourceGraphClient,
  runner: CallRunner,
  op: AzureOp,
  subscriptions: string[],
  query: string,
): Promise<Row[]> {
  const rows: Row[] = [];
  let skipToken: string | undefined;
  do {
    const page = await runner.run(
      op,
      (abortSignal) =>
        client.resources(
          {
            subscriptions,
            query,
            options: { top: PAGE_SIZE, resultFormat: 'objectArray', ...(skipToken ? { skipToken } : {}) },
          },
          { abortSignal: abortSignal as unknown as MsAbortSignal },
        ),
      (r) => (name) => r._response.headers.get(name),
    );
    if (!Array.isArray(page.data)) throw new Error('Resource Graph answered without a data array');
    for (const row of page.data as unknown[]) rows.push(row as Row);
    skipToken = page.skipToken || undefined;
  } while (skipToken);
  return rows;
}
