import {
  type ConfigServiceClient,
  SelectAggregateResourceConfigCommand,
  type SelectAggregateResourceConfigCommandOutput,
  SelectResourceConfigCommand,
  type SelectResourceConfigCommandOutput,
} from '@aws-sdk/client-config-service';
import type { LiveResource } from '../../../core/model/live-resource.ts';
import { awsConfigReader } from '../../shared/inventory-formats/aws-config.ts';
import type { AwsClients } from './clients.ts';

/**
 * Every configuration-item property advanced query can return (awslabs/aws-config-resource-schema
 * AWS.properties.json) that a LiveResource carries. `relationships` is left out: nothing compares it.
 */
export const SELECT_FIELDS = [
  'resourceId',
  'resourceName',
  'resourceType',
  'arn',
  'accountId',
  'awsRegion',
  'availabilityZone',
  'configuration',
  'supplementaryConfiguration',
  'tags',
  'configurationItemCaptureTime',
  'configurationItemStatus',
] as const;

/** SelectResourceConfig / SelectAggregateResourceConfig allow at most 100 results a page. */
export const PAGE_LIMIT = 100;

const quote = (v: string) => `'${v.replace(/'/g, "''")}'`;

/** The advanced query; for an aggregator it keeps to the configured accounts and regions (+ global). */
export function selectExpression(filter?: { accounts: string[]; regions: string[] }): string {
  const select = `SELECT ${SELECT_FIELDS.join(', ')}`;
  if (!filter) return select;
  const regions = [...new Set([...filter.regions, 'global'])];
  return `${select} WHERE accountId IN (${filter.accounts.map(quote).join(', ')}) AND awsRegion IN (${regions.map(quote).join(', ')})`;
}

/** Where to run the query: one account+region, or a configuration aggregator. */
export type QueryTarget =
  | { kind: 'account'; client: ConfigServiceClient }
  | {
      kind: 'aggregator';
      client: ConfigServiceClient;
      aggregator: string;
      filter: { accounts: string[]; regions: string[] };
    };

/**
 * Pages through the advanced query (NextToken) and converts each page with the shared AWS Config
 * reader, which parses the JSON-string `Results`. Rejects on the first failed page.
 */
export async function selectAll(
  clients: AwsClients,
  target: QueryTarget,
  source: string,
): Promise<LiveResource[]> {
  const out: LiveResource[] = [];
  let token: string | undefined;
  do {
    const page =
      target.kind === 'account'
        ? await clients.send<SelectResourceConfigCommandOutput>(
            'config',
            target.client,
            new SelectResourceConfigCommand({
              Expression: selectExpression(),
              Limit: PAGE_LIMIT,
              ...(token ? { NextToken: token } : {}),
            }),
          )
        : await clients.send<SelectAggregateResourceConfigCommandOutput>(
            'config',
            target.client,
            new SelectAggregateResourceConfigCommand({
              ConfigurationAggregatorName: target.aggregator,
              Expression: selectExpression(target.filter),
              Limit: PAGE_LIMIT,
              ...(token ? { NextToken: token } : {}),
            }),
          );
    const results = page.Results ?? [];
    if (results.length > 0) {
      // Without NextToken: the reader would otherwise flag the page as a cut-short export.
      const snap = awsConfigReader.read(
        { Results: results, QueryInfo: page.QueryInfo ?? {} },
        { source, cluster: '' },
      );
      for (const r of snap.resources) out.push(r);
    }
    token = page.NextToken || undefined;
  } while (token);
  return out;
}
