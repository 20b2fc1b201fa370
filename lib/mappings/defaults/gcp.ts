import { scopeKey } from '../../core/model/coverage.ts';
import type { StateResource } from '../../core/model/state-resource.ts';
import { attrString, attrStrings } from './shared.ts';

/**
 * Default GCP identities: self_link, id, name. The engine normalizes each with
 * normalizeIdentity('gcp', …), so self links and Cloud Asset names meet without their prefixes.
 */
export function gcpIdentities(res: StateResource): string[] {
  return attrStrings(res, ['self_link', 'id', 'name']);
}

/** Default GCP scope `gcp:<project>` from the `project` attribute or `projects/<p>` in id/self_link. */
export function gcpScope(res: StateResource): string {
  const project = attrString(res, 'project');
  if (project !== undefined) return scopeKey.gcp(project);
  for (const v of attrStrings(res, ['id', 'self_link'])) {
    const m = /(?:^|\/)projects\/([^/]+)(?:\/|$)/.exec(v);
    if (m) return scopeKey.gcp(m[1]!);
  }
  return scopeKey.gcp('*');
}
