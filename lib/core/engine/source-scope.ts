import { parseArn } from '../model/identity.ts';
import type { StateResource } from '../model/state-resource.ts';

/**
 * Where a state file's AWS resources live, learned from the ARNs it holds. Used to fill the parts
 * of a scope a resource does not state itself (an S3 bucket ARN has no account or region): the
 * account when the file names exactly one, the region likewise — never a guess between several.
 */
export class SourceScopes {
  private bySourceCache: Map<string, { accounts: Set<string>; regions: Set<string> }> | undefined;

  constructor(private readonly states: readonly StateResource[]) {}

  // Learned on first use: scans where every resource matches by ARN never pay for it.
  private get bySource(): Map<string, { accounts: Set<string>; regions: Set<string> }> {
    if (this.bySourceCache) return this.bySourceCache;
    const bySource = new Map<string, { accounts: Set<string>; regions: Set<string> }>();
    this.bySourceCache = bySource;
    for (const r of this.states) {
      if (r.cloud !== 'aws' || typeof r.attributes.arn !== 'string') continue;
      const arn = parseArn(r.attributes.arn);
      if (!arn) continue;
      const seen = bySource.get(r.source) ?? { accounts: new Set<string>(), regions: new Set<string>() };
      if (arn.account) seen.accounts.add(arn.account);
      if (arn.region) seen.regions.add(arn.region);
      bySource.set(r.source, seen);
    }
    return bySource;
  }

  /** `aws:*:*` → `aws:123456789012:eu-west-1` when the resource's state file is unambiguous. */
  fill(pattern: string | null, res: StateResource): string | null {
    if (pattern === null || !pattern.startsWith('aws:') || !pattern.includes('*')) return pattern;
    const seen = this.bySource.get(res.source);
    if (!seen) return pattern;
    const [, account, region] = pattern.split(':');
    const only = (s: Set<string>) => (s.size === 1 ? [...s][0]! : '*');
    const a = account === '*' ? only(seen.accounts) : account;
    const r = region === '*' ? only(seen.regions) : region;
    return `aws:${a}:${r}`;
  }
}
