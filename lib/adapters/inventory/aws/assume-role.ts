import {
  AssumeRoleCommand,
  type AssumeRoleCommandOutput,
  GetCallerIdentityCommand,
  type GetCallerIdentityCommandOutput,
} from '@aws-sdk/client-sts';
import type { AssumeRole } from '../../../core/config/scopes.ts';
import type { AwsClients } from './clients.ts';
import { describeFailure, ScopeFailure } from './failure.ts';
import type { AwsCredentials } from './options.ts';

interface Identity {
  accessKeyId: string;
  secretAccessKey: string;
  sessionToken?: string;
  expiration?: Date;
}

// Refresh this long before STS says the session ends, so no call is signed with a dying key.
const REFRESH_MARGIN_MS = 5 * 60_000;

/** `arn:<partition>:iam::<account>:role/<name>` from the role name or the `{account}` template. */
export function roleArnFor(role: AssumeRole, account: string, region: string): string {
  if (role.roleArnTemplate) return role.roleArnTemplate.replace('{account}', account);
  const partition = region.startsWith('cn-') ? 'aws-cn' : region.startsWith('us-gov-') ? 'aws-us-gov' : 'aws';
  return `arn:${partition}:iam::${account}:role/${role.roleName}`;
}

/**
 * Credentials per account: the base credentials, or an STS AssumeRole session into the account's
 * role (ExternalId, session name), one AssumeRole per account, refreshed before it expires.
 */
export class AccountCredentials {
  private readonly sessions = new Map<string, Promise<Identity>>();
  private callerAccount: Promise<string> | undefined;

  constructor(
    private readonly clients: AwsClients,
    private readonly role: AssumeRole | undefined,
    private readonly baseCredentials: AwsCredentials | undefined,
    private readonly stsRegion: string,
  ) {}

  /** The base credentials (the aggregator account's own). */
  async base(): Promise<AwsCredentials | undefined> {
    return this.baseCredentials;
  }

  /** Credentials for the account; rejects with a ScopeFailure when AssumeRole fails. */
  async for(account: string): Promise<AwsCredentials | undefined> {
    if (!this.role) {
      // Base credentials read their own account only: listing account A as B would make every
      // resource of B look missing. One GetCallerIdentity per read settles which account that is.
      const own = await this.ownAccount();
      if (own !== account)
        throw new ScopeFailure(
          `the credentials belong to account ${own}, not ${account} (configure assumeRole to reach other accounts)`,
        );
      return this.baseCredentials;
    }
    await this.session(account);
    // A provider, so a long scan picks up the refreshed session instead of an expired one.
    return () => this.session(account);
  }

  private ownAccount(): Promise<string> {
    this.callerAccount ??= this.clients
      .send<GetCallerIdentityCommandOutput>(
        'sts',
        this.clients.sts(this.stsRegion),
        new GetCallerIdentityCommand({}),
      )
      .then(
        (out) => out.Account ?? 'unknown',
        (err) => {
          throw new ScopeFailure(describeFailure('sts:GetCallerIdentity', err));
        },
      );
    return this.callerAccount;
  }

  private session(account: string): Promise<Identity> {
    const cached = this.sessions.get(account);
    if (cached) {
      // A failed AssumeRole stays failed for this read: one call per account, not one per region.
      return cached.then((id) =>
        id.expiration && id.expiration.getTime() - Date.now() < REFRESH_MARGIN_MS ? this.renew(account) : id,
      );
    }
    return this.renew(account);
  }

  private renew(account: string): Promise<Identity> {
    const p = this.assume(account);
    this.sessions.set(account, p);
    return p;
  }

  private async assume(account: string): Promise<Identity> {
    const role = this.role!;
    const arn = roleArnFor(role, account, this.stsRegion);
    let out: AssumeRoleCommandOutput;
    try {
      out = await this.clients.send<AssumeRoleCommandOutput>(
        'sts',
        this.clients.sts(this.stsRegion),
        new AssumeRoleCommand({
          RoleArn: arn,
          RoleSessionName: role.sessionName,
          DurationSeconds: role.durationSeconds,
          ...(role.externalId ? { ExternalId: role.externalId } : {}),
        }),
      );
    } catch (err) {
      throw new ScopeFailure(describeFailure(`sts:AssumeRole into ${arn}`, err));
    }
    const c = out.Credentials;
    if (!c?.AccessKeyId || !c.SecretAccessKey)
      throw new ScopeFailure(`sts:AssumeRole into ${arn} returned no credentials`);
    return {
      accessKeyId: c.AccessKeyId,
      secretAccessKey: c.SecretAccessKey,
      ...(c.SessionToken ? { sessionToken: c.SessionToken } : {}),
      ...(c.Expiration ? { expiration: c.Expiration } : {}),
    };
  }
}
