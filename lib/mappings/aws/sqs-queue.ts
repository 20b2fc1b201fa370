import type { ResourceMapping } from '../../core/mapping/types.ts';
import { jsonDocument } from '../../core/normalize/aws/json-document.ts';
import { attr, awsScope, conf, confIfRecorded, identitiesFrom, tagsRule } from './common.ts';
import { kmsKeyRef } from './kms-key-ref.ts';

/**
 * aws_sqs_queue ↔ AWS::SQS::Queue. Config records the queue attributes under their SQS names
 * (`VisibilityTimeout`, `FifoQueue` ...), numbers sometimes as strings; the resourceId is the
 * queue URL, which is also Terraform's id.
 */
export const awsSqsQueue: ResourceMapping = {
  provider: 'aws',
  terraformTypes: ['aws_sqs_queue'],
  nativeTypes: ['AWS::SQS::Queue'],
  identities: (res) => identitiesFrom(attr(res, 'arn'), res.id, attr(res, 'url'), attr(res, 'name')),
  scope: (res) => awsScope(res),
  attributes: [
    tagsRule,
    { path: 'visibility_timeout_seconds', actual: conf('VisibilityTimeout') },
    { path: 'message_retention_seconds', actual: conf('MessageRetentionPeriod') },
    { path: 'delay_seconds', actual: conf('DelaySeconds') },
    { path: 'max_message_size', actual: conf('MaximumMessageSize') },
    { path: 'receive_wait_time_seconds', actual: conf('ReceiveMessageWaitTimeSeconds') },
    // SQS omits FifoQueue for standard queues.
    {
      path: 'fifo_queue',
      actual: (live) => {
        const v = conf('FifoQueue')(live);
        return v === undefined ? false : v;
      },
    },
    { path: 'content_based_deduplication', actual: confIfRecorded('ContentBasedDeduplication') },
    { path: 'kms_master_key_id', actual: conf('KmsMasterKeyId'), normalize: [kmsKeyRef] },
    { path: 'kms_data_key_reuse_period_seconds', actual: confIfRecorded('KmsDataKeyReusePeriodSeconds') },
    { path: 'sqs_managed_sse_enabled', actual: confIfRecorded('SqsManagedSseEnabled') },
    // Not every Config item carries the redrive policy document: compared only when it does.
    { path: 'redrive_policy', actual: confIfRecorded('RedrivePolicy'), normalize: [jsonDocument] },
  ],
};
