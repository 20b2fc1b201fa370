/**
 * Synthetic but realistically shaped inputs for benchmarks: a Terraform v4 state of N AWS
 * resources and an AWS Config snapshot of the same resources, with a given share of drift.
 */
const ACCOUNT = '123456789012';
const REGION = 'eu-west-1';
const PROVIDER = 'provider["registry.terraform.io/hashicorp/aws"]';

const DEFAULT_TAGS = { team: 'platform', 'managed-by': 'terraform' };

function queueAttrs(i: number) {
  const name = `queue-${i}`;
  const tags = { app: `svc-${i % 97}`, env: i % 2 ? 'prod' : 'staging' };
  return {
    name,
    state: {
      arn: `arn:aws:sqs:${REGION}:${ACCOUNT}:${name}`,
      content_based_deduplication: false,
      delay_seconds: 0,
      fifo_queue: false,
      id: `https://sqs.${REGION}.amazonaws.com/${ACCOUNT}/${name}`,
      kms_data_key_reuse_period_seconds: 300,
      kms_master_key_id: '',
      max_message_size: 262144,
      message_retention_seconds: 345600,
      name,
      policy: '',
      receive_wait_time_seconds: 20,
      redrive_policy: '',
      sqs_managed_sse_enabled: true,
      tags,
      tags_all: { ...tags, ...DEFAULT_TAGS },
      url: `https://sqs.${REGION}.amazonaws.com/${ACCOUNT}/${name}`,
      visibility_timeout_seconds: 30 + (i % 5) * 30,
    },
    tags: { ...tags, ...DEFAULT_TAGS },
  };
}

/** One Terraform resource block (v4) holding `count` instances of aws_sqs_queue starting at `from`. */
export function stateResourceBlock(from: number, count: number): string {
  const instances = [];
  for (let i = from; i < from + count; i++) {
    instances.push({
      index_key: i - from,
      schema_version: 0,
      attributes: queueAttrs(i).state,
      sensitive_attributes: [],
    });
  }
  return JSON.stringify(
    {
      module: `module.svc${Math.floor(from / count)}`,
      mode: 'managed',
      type: 'aws_sqs_queue',
      name: 'this',
      each: 'list',
      provider: PROVIDER,
      instances,
    },
    null,
    2,
  );
}

/** A whole v4 state of `n` queues, in blocks of 100 instances (count) per module. */
export function stateText(n: number, block = 100): string {
  const parts: string[] = [];
  for (let from = 0; from < n; from += block) parts.push(stateResourceBlock(from, Math.min(block, n - from)));
  return `{\n  "version": 4,\n  "terraform_version": "1.9.8",\n  "serial": 1,\n  "lineage": "00000000-0000-4000-8000-000000000000",\n  "outputs": {},\n  "resources": [\n${parts.join(',\n')}\n  ],\n  "check_results": null\n}\n`;
}

/** AWS Config snapshot (as delivered to S3) for queues 0..n-1; every 100th drifts, 0.5% missing, 0.5% unmanaged. */
export function inventoryText(n: number, driftEvery = 100): string {
  const items: unknown[] = [];
  for (let i = 0; i < n; i++) {
    if (i % (driftEvery * 2) === driftEvery + 1) continue; // deleted by hand → missing
    const q = queueAttrs(i);
    const drifted = i % driftEvery === 0;
    items.push(
      configItem(
        q.name,
        q.state.visibility_timeout_seconds + (drifted ? 5 : 0),
        drifted ? { ...q.tags, owner: 'bob' } : q.tags,
      ),
    );
  }
  for (let i = 0; i < n / (driftEvery * 2); i++)
    items.push(configItem(`stray-${i}`, 30, { 'created-by': 'console' }));
  return JSON.stringify({ fileVersion: '1.0', configSnapshotId: 'bench', configurationItems: items });
}

function configItem(name: string, visibility: number, tags: Record<string, string>) {
  const url = `https://sqs.${REGION}.amazonaws.com/${ACCOUNT}/${name}`;
  return {
    relatedEvents: [],
    relationships: [],
    configuration: {
      QueueUrl: url,
      VisibilityTimeout: String(visibility),
      MaximumMessageSize: '262144',
      MessageRetentionPeriod: '345600',
      DelaySeconds: '0',
      ReceiveMessageWaitTimeSeconds: '20',
      QueueArn: `arn:aws:sqs:${REGION}:${ACCOUNT}:${name}`,
      SqsManagedSseEnabled: 'true',
      CreatedTimestamp: '1772442764',
      LastModifiedTimestamp: '1772442764',
    },
    supplementaryConfiguration: {},
    tags,
    configurationItemVersion: '1.3',
    configurationItemCaptureTime: '2026-11-20T10:15:32.123Z',
    configurationStateId: 1763633732123,
    awsAccountId: ACCOUNT,
    configurationItemStatus: 'OK',
    resourceType: 'AWS::SQS::Queue',
    resourceId: url,
    resourceName: name,
    ARN: `arn:aws:sqs:${REGION}:${ACCOUNT}:${name}`,
    awsRegion: REGION,
    availabilityZone: 'Not Applicable',
    configurationStateMd5Hash: '',
  };
}
