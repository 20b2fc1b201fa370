import { AwsInventory, PAGE_LIMIT } from '../lib/adapters/inventory/aws/index.ts';
import { type FakeScope, startFakeAwsServer } from '../test/fakes/aws-api-server.ts';

const ACCOUNTS = ['111111111111', '222222222222', '333333333333'];
const REGIONS = ['eu-west-1', 'eu-central-1', 'us-east-1', 'us-west-2'];
const TYPES = ['AWS::EC2::Instance', 'AWS::EC2::SecurityGroup', 'AWS::S3::Bucket'] as const;

// A row shaped like advanced query returns it (configuration object, tags as {key, value, tag}).
function row(account: string, region: string, i: number): Record<string, unknown> {
  const type = TYPES[i % TYPES.length]!;
  const id =
    type === 'AWS::S3::Bucket'
      ? `bench-${account.slice(-4)}-${region}-${i}`
      : `${type === 'AWS::EC2::Instance' ? 'i' : 'sg'}-0${(0x1000000 + i).toString(16)}${account.slice(-3)}`;
  const arn =
    type === 'AWS::S3::Bucket'
      ? `arn:aws:s3:::${id}`
      : `arn:aws:ec2:${region}:${account}:${type === 'AWS::EC2::Instance' ? 'instance' : 'security-group'}/${id}`;
  return {
    resourceId: id,
    resourceName: id,
    resourceType: type,
    arn,
    accountId: account,
    awsRegion: region,
    availabilityZone: `${region}a`,
    configuration:
      type === 'AWS::EC2::Instance'
        ? {
            instanceId: id,
            instanceType: 't3.micro',
            imageId: 'ami-0c1bc246476a5572b',
            subnetId: 'subnet-0bb1c79de3EXAMPLE',
            monitoring: { state: 'disabled' },
            securityGroups: [{ groupId: 'sg-0f0c7b1a6b3bEXAMPLE', groupName: 'web' }],
          }
        : type === 'AWS::EC2::SecurityGroup'
          ? {
              groupId: id,
              groupName: 'web',
              description: 'web ingress',
              vpcId: 'vpc-0a60eb65b4EXAMPLE',
              ipPermissions: [
                { ipProtocol: 'tcp', fromPort: 443, toPort: 443, ipv4Ranges: [{ cidrIp: '0.0.0.0/0' }] },
              ],
            }
          : { name: id, creationDate: '2025-03-11T10:03:41.000Z' },
    supplementaryConfiguration:
      type === 'AWS::S3::Bucket' ? { BucketVersioningConfiguration: { status: 'Enabled' } } : {},
    tags: [{ key: 'env', value: 'prod', tag: 'env=prod' }],
    configurationItemCaptureTime: '2026-11-20T09:14:31.118Z',
    configurationItemStatus: 'OK',
  };
}

const recorder = {
  name: 'default',
  recording: true,
  recordingGroup: {
    allSupported: true,
    includeGlobalResourceTypes: false,
    recordingStrategy: { useOnly: 'ALL_SUPPORTED_RESOURCE_TYPES' },
  },
};

/**
 * Enumerates n resources over 12 account/region scopes from the local fake with AwsInventory (per
 * scope with AssumeRole, then once through an aggregator), counting API calls, against what a
 * reader making one call per resource (ListDiscoveredResources + GetResourceConfigHistory) needs.
 */
export async function benchEnumerateAws(n: number): Promise<Record<string, string | number>> {
  process.env.AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED = 'true';
  const pairs = ACCOUNTS.flatMap((account) => REGIONS.map((region) => ({ account, region })));
  const scopes: FakeScope[] = pairs.map(({ account, region }, s) => {
    const count = Math.floor(n / pairs.length) + (s < n % pairs.length ? 1 : 0);
    return {
      account,
      region,
      recorders: [recorder],
      items: Array.from({ length: count }, (_, i) => row(account, region, i)),
    };
  });
  const sources = pairs.map(({ account, region }) => ({
    SourceId: account,
    SourceType: 'ACCOUNT',
    AwsRegion: region,
    LastUpdateStatus: 'SUCCEEDED',
  }));
  const server = await startFakeAwsServer({
    baseAccount: '999999999999',
    scopes,
    aggregators: [{ name: 'org', sources }],
  });
  const credentials = {
    accessKeyId: 'AKIAIOSFODNN7EXAMPLE',
    secretAccessKey: 'wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY',
  };
  try {
    const run = async (aggregator: boolean) => {
      const calls: Record<string, number> = {};
      const inv = new AwsInventory({
        target: 'bench',
        scopes: {
          accounts: ACCOUNTS,
          regions: REGIONS,
          concurrency: 8,
          ...(aggregator
            ? { aggregator: { name: 'org', region: 'us-east-1' } }
            : { assumeRole: { roleName: 'DriftwatchReadOnly', externalId: 'bench' } }),
        },
        credentials,
        endpoint: server.url,
        onCall: (_s, op) => {
          calls[op] = (calls[op] ?? 0) + 1;
        },
      });
      const started = performance.now();
      const snap = await inv.read();
      const ms = performance.now() - started;
      const total = Object.values(calls).reduce((a, b) => a + b, 0);
      if (snap.coverage.some((e) => !e.complete)) throw new Error('bench: a scope was incomplete');
      return { resources: snap.resources.length, ms, calls, total };
    };
    const perScope = await run(false);
    const viaAggregator = await run(true);
    // One call per resource: ListDiscoveredResources pages (100 a page, per type and scope) + one
    // GetResourceConfigHistory per resource (BatchGetResourceConfig lacks tags and supplementaryConfiguration).
    let listPages = 0;
    for (const s of scopes)
      for (const t of TYPES)
        listPages += Math.ceil(s.items.filter((r) => r.resourceType === t).length / PAGE_LIMIT);
    const perResource = listPages + n + ACCOUNTS.length;
    const fmt = (c: Record<string, number>) =>
      Object.entries(c)
        .map(([k, v]) => `${k}=${v}`)
        .join(' ');
    return {
      scopes: pairs.length,
      'resources (per scope)': perScope.resources,
      'wall ms (per scope)': Math.round(perScope.ms),
      'resources/s (per scope)': Math.round(perScope.resources / (perScope.ms / 1000)),
      'API calls (per scope)': perScope.total,
      'calls by operation (per scope)': fmt(perScope.calls),
      'calls/resource (per scope)': (perScope.total / perScope.resources).toFixed(4),
      'wall ms (aggregator)': Math.round(viaAggregator.ms),
      'API calls (aggregator)': viaAggregator.total,
      'calls by operation (aggregator)': fmt(viaAggregator.calls),
      'one-call-per-resource reader calls': perResource,
      'calls/resource (one-per-resource)': (perResource / n).toFixed(4),
      'fewer calls than one-per-resource': `${Math.round(perResource / perScope.total)}x`,
    };
  } finally {
    await server.close();
  }
}
