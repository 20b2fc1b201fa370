import type { ResourceMapping } from '../../core/mapping/types.ts';
import { gcpScope } from './common.ts';

/**
 * google_project_iam_member / _binding / _policy: bindings in the project's IAM policy, not
 * resources of their own (Cloud Asset exports them only with --content-type=iam-policy). Neither
 * missing nor unmanaged.
 */
export const projectIamMapping: ResourceMapping = {
  provider: 'gcp',
  terraformTypes: ['google_project_iam_member', 'google_project_iam_binding', 'google_project_iam_policy'],
  nativeTypes: [],
  role: 'association',
  identities: () => [],
  scope: gcpScope,
  attributes: [],
};
