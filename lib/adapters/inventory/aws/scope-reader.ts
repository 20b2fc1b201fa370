import { type CoverageEvidence, scopeKey } from '../../../core/model/coverage.ts';
import type { AccountCredentials } from './assume-role.ts';
import type { AwsClients } from './clients.ts';
import { readCloudControlTypes } from './cloud-control-types.ts';
import { selectAll } from './config-query.ts';
import { describeFailure } from './failure.ts';
import type { AwsScopes } from './options.ts';
import { recorderCoverage } from './recorder-coverage.ts';
import { type ScopeResult, unread } from './scope-result.ts';

/** What every scope reader needs. */
export interface ReadContext {
  clients: AwsClients;
  credentials: AccountCredentials;
  scopes: AwsScopes;
}

/**
 * One account+region through AWS Config: AssumeRole, the recorders (what is recorded), then the
 * advanced query, plus Cloud Control types. Never rejects: a failure becomes incomplete evidence
 * with a one-line reason and none of the scope's resources.
 */
export async function readScope(ctx: ReadContext, account: string, region: string): Promise<ScopeResult> {
  const scope = scopeKey.aws(account, region);
  const source = `aws-config:${account}:${region}`;
  let credentials: Awaited<ReturnType<AccountCredentials['for']>>;
  try {
    credentials = await ctx.credentials.for(account);
  } catch (err) {
    return { resources: [], evidence: [unread(scope, describeFailure('credentials', err), source)] };
  }
  const config = ctx.clients.config(region, account, credentials);
  let recorder: Awaited<ReturnType<typeof recorderCoverage>>;
  try {
    recorder = await recorderCoverage(ctx.clients, config, scope);
  } catch (err) {
    const reason = describeFailure(`config:DescribeConfigurationRecorders in ${scope}`, err);
    return { resources: [], evidence: [unread(scope, reason, source)] };
  }
  const cloudControl = readCloudControlTypes(
    ctx.clients,
    ctx.scopes.cloudControlTypes,
    credentials,
    account,
    region,
  );
  if (!recorder.recording) {
    // Config items left from before the recorder stopped are stale: not read. Cloud Control still is.
    const cc = await cloudControl;
    return { resources: cc.resources, evidence: [unread(scope, recorder.reason, source)] };
  }
  let configResources: Awaited<ReturnType<typeof selectAll>>;
  try {
    configResources = await selectAll(ctx.clients, { kind: 'account', client: config }, source);
  } catch (err) {
    await cloudControl;
    const reason = describeFailure(`config:SelectResourceConfig in ${scope}`, err);
    const evidence = [unread(scope, reason, source)];
    if (recorder.global.length > 0) evidence.push(unread(scopeKey.aws(account, 'global'), reason, source));
    return { resources: [], evidence };
  }
  const cc = await cloudControl;
  const evidence: CoverageEvidence[] = [
    {
      provider: 'aws',
      scope,
      nativeTypes: [...new Set([...recorder.regional, ...cc.listed])].sort(),
      complete: cc.failure === undefined,
      ...(cc.failure ? { reason: cc.failure } : {}),
      source,
    },
  ];
  if (recorder.global.length > 0)
    evidence.push({
      provider: 'aws',
      scope: scopeKey.aws(account, 'global'),
      nativeTypes: recorder.global,
      complete: true,
      source,
    });
  return { resources: [...configResources, ...cc.resources], evidence };
}
