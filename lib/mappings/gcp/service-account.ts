import type { ResourceMapping } from '../../core/mapping/types.ts';
import type { StateResource } from '../../core/model/state-resource.ts';
import { absentAsFalse } from '../../core/normalize/gcp/defaults.ts';
import { gcpProjectOf } from '../../core/normalize/gcp/self-link.ts';
import { attrs, data, gcpScope } from './common.ts';

// The Cloud Asset name uses the numeric unique id (`//iam.googleapis.com/projects/p/serviceAccounts/
// 1234...`); the provider's id uses the email. Offer both.
function identities(res: StateResource): string[] {
  const out = attrs('id', 'name', 'email')(res);
  const project = (res.attributes.project as string | undefined) ?? gcpProjectOf(res.attributes.id);
  const unique = res.attributes.unique_id;
  if (project && typeof unique === 'string' && unique)
    out.push(`projects/${project}/serviceAccounts/${unique}`);
  return out;
}

/** google_service_account ↔ `iam.googleapis.com/ServiceAccount`. */
export const serviceAccountMapping: ResourceMapping = {
  provider: 'gcp',
  terraformTypes: ['google_service_account'],
  nativeTypes: ['iam.googleapis.com/ServiceAccount'],
  identities,
  scope: gcpScope,
  attributes: [
    { path: 'email', actual: data('email') },
    { path: 'display_name', actual: data('displayName') },
    { path: 'description', actual: data('description') },
    { path: 'disabled', actual: data('disabled'), normalize: [absentAsFalse] },
  ],
};
