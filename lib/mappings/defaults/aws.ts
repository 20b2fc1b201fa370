import { scopeKey } from '../../core/model/coverage.ts';
import { parseArn } from '../../core/model/identity.ts';
import type { StateResource } from '../../core/model/state-resource.ts';
import { attrString, attrStrings } from './shared.ts';

// Services whose ARNs carry no region because the resource is global; AWS Config records their
// items with awsRegion "global". S3 is not one of them: a bucket lives in a region its ARN omits.
const GLOBAL_SERVICES = new Set([
  'iam',
  'organizations',
  'route53',
  'cloudfront',
  'globalaccelerator',
  'waf',
]);

/** Default AWS identities: the ARN, then the id, then the name. */
export function awsIdentities(res: StateResource): string[] {
  return attrStrings(res, ['arn', 'id', 'name']);
}

/** The first ARN among the `arn` and `id` attributes (awscc ids are often ARNs). */
function arnOf(res: StateResource) {
  for (const name of ['arn', 'id']) {
    const v = attrString(res, name);
    const arn = v === undefined ? null : parseArn(v);
    if (arn) return arn;
  }
  return null;
}

/**
 * Default AWS scope `aws:<account>:<region>` from the ARN; the `region` attribute (provider v6,
 * and S3 buckets) wins over the ARN; global services give `global`; unknown parts are `*`.
 */
export function awsScope(res: StateResource): string {
  const arn = arnOf(res);
  const account = arn?.account || '*';
  const region =
    attrString(res, 'region') ?? (arn?.region || (arn && GLOBAL_SERVICES.has(arn.service) ? 'global' : '*'));
  return scopeKey.aws(account, region);
}
