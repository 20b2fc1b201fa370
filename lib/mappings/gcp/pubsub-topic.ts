import type { ResourceMapping } from '../../core/mapping/types.ts';
import { gcpDuration } from '../../core/normalize/gcp/defaults.ts';
import { attrs, data, gcpScope, labelsRule } from './common.ts';

/** google_pubsub_topic ↔ `pubsub.googleapis.com/Topic` (id `projects/<p>/topics/<name>`). */
export const pubsubTopicMapping: ResourceMapping = {
  provider: 'gcp',
  terraformTypes: ['google_pubsub_topic'],
  nativeTypes: ['pubsub.googleapis.com/Topic'],
  identities: attrs('id'),
  scope: gcpScope,
  attributes: [
    labelsRule,
    // A CMEK key removed or swapped is drift even when the state had none.
    { path: 'kms_key_name', actual: data('kmsKeyName'), skipUnsetDesired: false },
    {
      path: 'message_retention_duration',
      actual: data('messageRetentionDuration'),
      normalize: [gcpDuration],
    },
    {
      path: 'message_storage_policy.0.allowed_persistence_regions',
      actual: data('messageStoragePolicy.allowedPersistenceRegions'),
      compare: 'set',
    },
  ],
};
