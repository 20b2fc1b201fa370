import { describe, expect, it } from 'vitest';
import { awsSqsQueue } from '../../../../lib/mappings/aws/sqs-queue.ts';
import { diff, fixture, liveFromConfigItem, stateResource } from './helpers.ts';

// The Config item carries `configuration` as a JSON string, as select-resource-config returns it.
const item = fixture<Record<string, unknown>>('sqs-queue.config.json');
const res = stateResource(fixture('sqs-queue.state.json') as never);

function withConfiguration(patch: Record<string, unknown>) {
  const conf = { ...JSON.parse(String(item.configuration)), ...patch };
  return liveFromConfigItem({ ...item, configuration: JSON.stringify(conf) } as never);
}

describe('aws_sqs_queue', () => {
  it('identities: ARN, then the queue URL (Config resourceId), then the name', () => {
    expect(awsSqsQueue.identities(res)).toEqual([
      'arn:aws:sqs:eu-west-1:123456789012:orders',
      'https://sqs.eu-west-1.amazonaws.com/123456789012/orders',
      'orders',
    ]);
    expect(awsSqsQueue.scope?.(res)).toBe('aws:123456789012:eu-west-1');
  });

  it('clean: numbers as strings, no FifoQueue for a standard queue, redrive policy key order', () => {
    expect(diff(awsSqsQueue, res, liveFromConfigItem(item as never))).toEqual([]);
  });

  it('reports visibility timeout and a changed redrive policy', () => {
    const live = withConfiguration({
      VisibilityTimeout: '300',
      RedrivePolicy:
        '{"deadLetterTargetArn":"arn:aws:sqs:eu-west-1:123456789012:orders-dlq","maxReceiveCount":50}',
    });
    expect(diff(awsSqsQueue, res, live)).toEqual([
      { path: 'visibility_timeout_seconds', desired: 60, actual: 300 },
      {
        path: 'redrive_policy',
        desired:
          '{"deadLetterTargetArn":"arn:aws:sqs:eu-west-1:123456789012:orders-dlq","maxReceiveCount":5}',
        actual:
          '{"deadLetterTargetArn":"arn:aws:sqs:eu-west-1:123456789012:orders-dlq","maxReceiveCount":50}',
      },
    ]);
  });
});
