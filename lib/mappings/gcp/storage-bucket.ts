import type { AttributeRule, ResourceMapping } from '../../core/mapping/types.ts';
import { ABSENT } from '../../core/model/live-resource.ts';
import { apiLifecycleRules, tfLifecycleRules } from '../../core/normalize/gcp/bucket-lifecycle.ts';
import { absentAsFalse, gcpDuration, upperCase } from '../../core/normalize/gcp/defaults.ts';
import { normalizer } from '../../core/normalize/generic.ts';
import { attrs, data, dataOrAbsent, gcpScope, labelsRule } from './common.ts';

// Older buckets report `unspecified` where the provider (and newer API versions) say `inherited`.
const publicAccessPrevention = normalizer('public-access-prevention', (v) =>
  v === null || v === undefined || (typeof v === 'string' && v.toLowerCase() === 'unspecified')
    ? 'inherited'
    : typeof v === 'string'
      ? v.toLowerCase()
      : v,
);

const flag = (path: string, api: string): AttributeRule => ({
  path,
  actual: data(api),
  normalize: [absentAsFalse],
});

/** google_storage_bucket ↔ `storage.googleapis.com/Bucket` (Cloud Asset name `//storage.googleapis.com/<name>`). */
export const storageBucketMapping: ResourceMapping = {
  provider: 'gcp',
  terraformTypes: ['google_storage_bucket'],
  nativeTypes: ['storage.googleapis.com/Bucket'],
  identities: attrs('name'),
  scope: gcpScope,
  attributes: [
    labelsRule,
    { path: 'location', actual: data('location'), normalize: [upperCase] },
    { path: 'storage_class', actual: data('storageClass'), normalize: [upperCase] },
    flag('versioning.0.enabled', 'versioning.enabled'),
    flag('uniform_bucket_level_access', 'iamConfiguration.uniformBucketLevelAccess.enabled'),
    {
      path: 'public_access_prevention',
      actual: data('iamConfiguration.publicAccessPrevention'),
      normalize: [publicAccessPrevention],
    },
    flag('requester_pays', 'billing.requesterPays'),
    flag('default_event_based_hold', 'defaultEventBasedHold'),
    {
      path: 'retention_policy.0.retention_period',
      actual: data('retentionPolicy.retentionPeriod'),
      skipUnsetDesired: false,
    },
    flag('retention_policy.0.is_locked', 'retentionPolicy.isLocked'),
    {
      path: 'encryption.0.default_kms_key_name',
      actual: data('encryption.defaultKmsKeyName'),
      skipUnsetDesired: false,
    },
    { path: 'logging.0.log_bucket', actual: data('logging.logBucket') },
    // Compared even when the state has none: a deletion rule added live loses data.
    {
      path: 'lifecycle_rule',
      desired: (res) => tfLifecycleRules(res.attributes.lifecycle_rule),
      actual: (live) => {
        const rules = data('lifecycle.rule')(live);
        return rules === ABSENT ? ABSENT : apiLifecycleRules(rules);
      },
      compare: 'set',
      skipUnsetDesired: false,
    },
    {
      path: 'soft_delete_policy.0.retention_duration_seconds',
      actual: dataOrAbsent('softDeletePolicy.retentionDurationSeconds'),
      normalize: [gcpDuration],
    },
  ],
};
