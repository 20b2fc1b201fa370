import {
  type AggregatedSourceStatus,
  type ConfigServiceClient,
  DescribeConfigurationAggregatorSourcesStatusCommand,
  type DescribeConfigurationAggregatorSourcesStatusCommandOutput,
} from '@aws-sdk/client-config-service';
import { type CoverageEvidence, scopeKey } from '../../../core/model/coverage.ts';
import type { LiveResource } from '../../../core/model/live-resource.ts';
import type { AwsClients } from './clients.ts';
import { readCloudControlTypes } from './cloud-control-types.ts';
import { selectAll } from './config-query.ts';
import { describeFailure } from './failure.ts';
import type { ReadContext } from './scope-reader.ts';
import { type ScopeResult, unread } from './scope-result.ts';

/**
 * Every wanted account+region through one configuration aggregator: one paged
 * SelectAggregateResourceConfig (rows grouped into scopes by accountId + awsRegion) and the
 * aggregator's source status. A source whose last update FAILED or is OUTDATED, or that is not a
 * source at all, is incomplete. The aggregator does not show member recorders, so a scope's evidence
 * is the types seen there: a type with no item in a scope is "not covered", never missing.
 */
export async function readAggregator(
  ctx: ReadContext,
  wanted: ReadonlyArray<{ account: string; region: string }>,
): Promise<ScopeResult> {
  const agg = ctx.scopes.aggregator!;
  const source = `aws-config-aggregator:${agg.name}`;
  const client = ctx.clients.config(agg.region, 'aggregator', await ctx.credentials.base());
  const accounts = [...new Set(wanted.map((w) => w.account))];
  const regions = [...new Set(wanted.map((w) => w.region))];
  const [statusOut, selectOut] = await Promise.allSettled([
    sourceStatuses(ctx.clients, client, agg.name),
    selectAll(
      ctx.clients,
      { kind: 'aggregator', client, aggregator: agg.name, filter: { accounts, regions } },
      source,
    ),
  ]);
  const ccAll = Promise.all(wanted.map((w) => cloudControlFor(ctx, w.account, w.region)));
  const failed =
    statusOut.status === 'rejected'
      ? describeFailure(`config:DescribeConfigurationAggregatorSourcesStatus ${agg.name}`, statusOut.reason)
      : selectOut.status === 'rejected'
        ? describeFailure(`config:SelectAggregateResourceConfig ${agg.name}`, selectOut.reason)
        : undefined;
  const byScope = new Map<string, LiveResource[]>();
  if (!failed && selectOut.status === 'fulfilled') {
    const keep = new Set(
      wanted.flatMap((w) => [scopeKey.aws(w.account, w.region), scopeKey.aws(w.account, 'global')]),
    );
    for (const r of selectOut.value) {
      if (!keep.has(r.scope)) continue;
      const list = byScope.get(r.scope);
      if (list) list.push(r);
      else byScope.set(r.scope, [r]);
    }
  }
  const statuses = statusOut.status === 'fulfilled' ? statusOut.value : [];
  const evidence: CoverageEvidence[] = [];
  const accountIncomplete = new Map<string, string>();
  for (const w of wanted) {
    const scope = scopeKey.aws(w.account, w.region);
    const why = failed ?? sourceProblem(statuses, w.account, w.region, agg.name);
    if (why) {
      evidence.push(unread(scope, why, source));
      if (!accountIncomplete.has(w.account)) accountIncomplete.set(w.account, why);
      byScope.delete(scope);
    } else evidence.push(seen(scope, byScope.get(scope), source));
  }
  for (const account of accounts) {
    const scope = scopeKey.aws(account, 'global');
    const why = accountIncomplete.get(account);
    if (why) {
      evidence.push(unread(scope, why, source));
      byScope.delete(scope);
    } else if (byScope.has(scope)) evidence.push(seen(scope, byScope.get(scope), source));
  }
  const resources = [...byScope.values()].flat();
  for (const cc of await ccAll) {
    resources.push(...cc.resources);
    evidence.push(...cc.evidence);
  }
  return { resources, evidence };
}

function seen(scope: string, resources: LiveResource[] | undefined, source: string): CoverageEvidence {
  const types = [...new Set((resources ?? []).map((r) => r.nativeType))].sort();
  return { provider: 'aws', scope, nativeTypes: types, complete: true, source };
}

// An organization aggregator reports one status per region with the organization as SourceId.
function sourceProblem(
  statuses: readonly AggregatedSourceStatus[],
  account: string,
  region: string,
  name: string,
): string | undefined {
  const s =
    statuses.find((x) => x.SourceId === account && x.AwsRegion === region) ??
    statuses.find((x) => x.SourceType === 'ORGANIZATION' && x.AwsRegion === region);
  const scope = scopeKey.aws(account, region);
  if (!s) return `aggregator ${name} has no source for ${scope}`;
  if (s.LastUpdateStatus === 'SUCCEEDED') return undefined;
  const detail = [s.LastErrorCode, s.LastErrorMessage].filter(Boolean).join(': ');
  return `aggregator ${name} source ${scope} is ${s.LastUpdateStatus ?? 'of unknown status'}${detail ? ` (${detail})` : ''}`;
}

async function sourceStatuses(
  clients: AwsClients,
  client: ConfigServiceClient,
  name: string,
): Promise<AggregatedSourceStatus[]> {
  const out: AggregatedSourceStatus[] = [];
  let token: string | undefined;
  do {
    const page = await clients.send<DescribeConfigurationAggregatorSourcesStatusCommandOutput>(
      'config',
      client,
      new DescribeConfigurationAggregatorSourcesStatusCommand({
        ConfigurationAggregatorName: name,
        Limit: 100,
        ...(token ? { NextToken: token } : {}),
      }),
    );
    out.push(...(page.AggregatedSourceStatusList ?? []));
    token = page.NextToken || undefined;
  } while (token);
  return out;
}

// Cloud Control has no aggregator: its types are listed in each account (assumed role) and region.
async function cloudControlFor(ctx: ReadContext, account: string, region: string): Promise<ScopeResult> {
  const types = ctx.scopes.cloudControlTypes;
  if (types.length === 0) return { resources: [], evidence: [] };
  const scope = scopeKey.aws(account, region);
  const source = `cloudcontrol:${account}:${region}`;
  let credentials: Awaited<ReturnType<ReadContext['credentials']['for']>>;
  try {
    credentials = await ctx.credentials.for(account);
  } catch (err) {
    return { resources: [], evidence: [unread(scope, describeFailure('credentials', err), source)] };
  }
  const cc = await readCloudControlTypes(ctx.clients, types, credentials, account, region);
  const e: CoverageEvidence = {
    provider: 'aws',
    scope,
    nativeTypes: cc.listed,
    complete: cc.failure === undefined,
    source,
  };
  if (cc.failure) e.reason = cc.failure;
  return { resources: cc.resources, evidence: [e] };
}
