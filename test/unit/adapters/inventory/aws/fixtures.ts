import type { FakeRecorder, FakeScope } from '../../../../fakes/aws-api-server.ts';

// Rows as advanced query returns them (each later JSON-stringified into `Results`): configuration
// and supplementaryConfiguration are objects, tags a list of {key, value, tag}.

const CAPTURED = '2026-11-20T09:14:31.118Z';

const tagList = (tags: Record<string, string>) =>
  Object.entries(tags).map(([key, value]) => ({ key, value, tag: `${key}=${value}` }));

/** An AWS::EC2::Instance row (subset of the real configuration, same spelling). */
export function ec2Instance(
  account: string,
  region: string,
  id: string,
  o: { instanceType?: string; tags?: Record<string, string> } = {},
): Record<string, unknown> {
  const tags = o.tags ?? { Name: 'web', env: 'prod' };
  return {
    resourceId: id,
    resourceName: tags.Name,
    resourceType: 'AWS::EC2::Instance',
    arn: `arn:aws:ec2:${region}:${account}:instance/${id}`,
    accountId: account,
    awsRegion: region,
    availabilityZone: `${region}a`,
    configuration: {
      amiLaunchIndex: 0,
      imageId: 'ami-0c1bc246476a5572b',
      instanceId: id,
      instanceType: o.instanceType ?? 't3.micro',
      keyName: 'ops',
      launchTime: '2026-10-02T08:12:55.000Z',
      monitoring: { state: 'disabled' },
      placement: { availabilityZone: `${region}a`, groupName: '', tenancy: 'default' },
      privateDnsName: 'ip-10-0-1-23.ec2.internal',
      privateIpAddress: '10.0.1.23',
      state: { code: 16, name: 'running' },
      subnetId: 'subnet-0bb1c79de3EXAMPLE',
      vpcId: 'vpc-0a60eb65b4EXAMPLE',
      architecture: 'x86_64',
      blockDeviceMappings: [
        {
          deviceName: '/dev/xvda',
          ebs: {
            attachTime: '2026-10-02T08:12:56.000Z',
            deleteOnTermination: true,
            status: 'attached',
            volumeId: 'vol-0e2a5f3c1bEXAMPLE',
          },
        },
      ],
      ebsOptimized: false,
      rootDeviceName: '/dev/xvda',
      rootDeviceType: 'ebs',
      securityGroups: [{ groupName: 'web', groupId: 'sg-0f0c7b1a6b3bEXAMPLE' }],
      sourceDestCheck: true,
      metadataOptions: {
        state: 'applied',
        httpTokens: 'required',
        httpPutResponseHopLimit: 2,
        httpEndpoint: 'enabled',
      },
      tags: Object.entries(tags).map(([key, value]) => ({ key, value })),
    },
    supplementaryConfiguration: {},
    tags: tagList(tags),
    configurationItemCaptureTime: CAPTURED,
    configurationItemStatus: 'OK',
  };
}

/** An AWS::S3::Bucket row with versioning in supplementaryConfiguration. */
export function s3Bucket(account: string, region: string, name: string): Record<string, unknown> {
  return {
    resourceId: name,
    resourceName: name,
    resourceType: 'AWS::S3::Bucket',
    arn: `arn:aws:s3:::${name}`,
    accountId: account,
    awsRegion: region,
    availabilityZone: 'Regional',
    configuration: { name, owner: { id: 'a1b2c3d4e5f6EXAMPLE' }, creationDate: '2025-03-11T10:03:41.000Z' },
    supplementaryConfiguration: {
      BucketVersioningConfiguration: { status: 'Enabled', isMfaDeleteEnabled: null },
      ServerSideEncryptionConfiguration: {
        rules: [{ applyServerSideEncryptionByDefault: { sseAlgorithm: 'AES256' }, bucketKeyEnabled: false }],
      },
      PublicAccessBlockConfiguration: {
        blockPublicAcls: true,
        ignorePublicAcls: true,
        blockPublicPolicy: true,
        restrictPublicBuckets: true,
      },
    },
    tags: tagList({ team: 'data' }),
    configurationItemCaptureTime: CAPTURED,
    configurationItemStatus: 'OK',
  };
}

/** An AWS::EC2::SecurityGroup row. */
export function securityGroup(account: string, region: string, id: string): Record<string, unknown> {
  return {
    resourceId: id,
    resourceName: 'web',
    resourceType: 'AWS::EC2::SecurityGroup',
    arn: `arn:aws:ec2:${region}:${account}:security-group/${id}`,
    accountId: account,
    awsRegion: region,
    availabilityZone: 'Not Applicable',
    configuration: {
      description: 'web ingress',
      groupName: 'web',
      ipPermissions: [
        {
          fromPort: 443,
          ipProtocol: 'tcp',
          ipv6Ranges: [],
          prefixListIds: [],
          toPort: 443,
          userIdGroupPairs: [],
          ipv4Ranges: [{ cidrIp: '0.0.0.0/0' }],
          ipRanges: ['0.0.0.0/0'],
        },
      ],
      ownerId: account,
      groupId: id,
      ipPermissionsEgress: [
        {
          ipProtocol: '-1',
          ipv6Ranges: [],
          prefixListIds: [],
          userIdGroupPairs: [],
          ipv4Ranges: [{ cidrIp: '0.0.0.0/0' }],
          ipRanges: ['0.0.0.0/0'],
        },
      ],
      tags: [],
      vpcId: 'vpc-0a60eb65b4EXAMPLE',
    },
    supplementaryConfiguration: {},
    tags: [],
    configurationItemCaptureTime: CAPTURED,
    configurationItemStatus: 'OK',
  };
}

/** An AWS::IAM::Role row: recorded once per account with awsRegion `global`. */
export function iamRole(account: string, name: string): Record<string, unknown> {
  return {
    resourceId: 'AROA3XFRBF535EXAMPLE',
    resourceName: name,
    resourceType: 'AWS::IAM::Role',
    arn: `arn:aws:iam::${account}:role/${name}`,
    accountId: account,
    awsRegion: 'global',
    availabilityZone: 'Not Applicable',
    configuration: {
      path: '/',
      roleName: name,
      roleId: 'AROA3XFRBF535EXAMPLE',
      arn: `arn:aws:iam::${account}:role/${name}`,
    },
    supplementaryConfiguration: {},
    tags: [],
    configurationItemCaptureTime: CAPTURED,
    configurationItemStatus: 'OK',
  };
}

/** The default recorder: all supported types, global IAM types included, recording. */
export function allSupported(o: Partial<FakeRecorder> = {}): FakeRecorder {
  return {
    name: 'default',
    recordingGroup: {
      allSupported: true,
      includeGlobalResourceTypes: true,
      resourceTypes: [],
      exclusionByResourceTypes: { resourceTypes: [] },
      recordingStrategy: { useOnly: 'ALL_SUPPORTED_RESOURCE_TYPES' },
    },
    recording: true,
    ...o,
  };
}

/** A recorder limited to a list of types. */
export function inclusion(types: string[]): FakeRecorder {
  return {
    name: 'default',
    recordingGroup: {
      allSupported: false,
      includeGlobalResourceTypes: false,
      resourceTypes: types,
      exclusionByResourceTypes: { resourceTypes: [] },
      recordingStrategy: { useOnly: 'INCLUSION_BY_RESOURCE_TYPES' },
    },
    recording: true,
  };
}

/** A recorder recording everything but some types. */
export function exclusion(types: string[]): FakeRecorder {
  return {
    name: 'default',
    recordingGroup: {
      allSupported: false,
      includeGlobalResourceTypes: false,
      resourceTypes: [],
      exclusionByResourceTypes: { resourceTypes: types },
      recordingStrategy: { useOnly: 'EXCLUSION_BY_RESOURCE_TYPES' },
    },
    recording: true,
  };
}

/** A scope with n instances (ids i-<account tail><n>) and the default recorder. */
export function scopeWith(
  account: string,
  region: string,
  n: number,
  extra: Record<string, unknown>[] = [],
): FakeScope {
  const items = Array.from({ length: n }, (_, i) =>
    ec2Instance(account, region, `i-0${account.slice(-4)}${region.length}${String(i).padStart(8, '0')}`),
  );
  return { account, region, items: [...items, ...extra], recorders: [allSupported()] };
}
