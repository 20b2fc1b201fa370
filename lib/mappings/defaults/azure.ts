import { scopeKey } from '../../core/model/coverage.ts';
import type { StateResource } from '../../core/model/state-resource.ts';
import { attrString } from './shared.ts';

/** Default Azure identity: the ARM id (the engine compares it case-insensitively). */
export function azureIdentities(res: StateResource): string[] {
  const id = attrString(res, 'id');
  return id === undefined ? [] : [id];
}

/** Default Azure scope `azure:<subscription>` from `/subscriptions/<sub>/` in the ARM id, else `azure:*`. */
export function azureScope(res: StateResource): string {
  const m = /^\/subscriptions\/([^/]+)/i.exec(attrString(res, 'id') ?? '');
  return scopeKey.azure(m ? m[1]! : '*');
}
