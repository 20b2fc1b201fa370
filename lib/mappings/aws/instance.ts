import { getPath, isPlainObject } from '../../core/diff/path.ts';
import type { AttributeRule, ResourceMapping } from '../../core/mapping/types.ts';
import { ABSENT } from '../../core/model/live-resource.ts';
import { boolFromEnabledNormalizer } from '../../core/normalize/aws/bool-from-enabled.ts';
import { normalizer } from '../../core/normalize/generic.ts';
import { attr, awsScope, conf, confIfRecorded, identitiesFrom, tagsRule } from './common.ts';

// EC2 reports the instance profile by ARN (`...:instance-profile/path/name`); Terraform by name.
const profileName = normalizer('instance-profile-name', (v) =>
  typeof v === 'string' ? v.slice(v.lastIndexOf('/') + 1) : v,
);

// EC2 monitoring states: enabled | pending (being enabled) | disabled | disabling. "pending" is
// the answer right after `monitoring = true` was applied, not a difference from it.
const monitoringState = normalizer('monitoring-state', (v) =>
  typeof v === 'string' && v.toLowerCase() === 'pending' ? true : v,
);

// The root volume's DeleteOnTermination sits in the block device mapping named rootDeviceName;
// its size and type are on the AWS::EC2::Volume item (a child), not here.
const rootDeleteOnTermination: AttributeRule['actual'] = (live) => {
  const mappings = conf('blockDeviceMappings')(live);
  if (mappings === ABSENT) return ABSENT;
  const root = conf('rootDeviceName')(live);
  const m = Array.isArray(mappings)
    ? mappings.find((d) => isPlainObject(d) && d.deviceName === root && isPlainObject(d.ebs))
    : undefined;
  return isPlainObject(m) ? getPath(m, 'ebs.deleteOnTermination') : ABSENT;
};

/** aws_instance ↔ AWS::EC2::Instance (resourceId = the `i-…` id). */
export const awsInstance: ResourceMapping = {
  provider: 'aws',
  terraformTypes: ['aws_instance'],
  nativeTypes: ['AWS::EC2::Instance'],
  identities: (res) => identitiesFrom(attr(res, 'arn'), res.id),
  scope: (res) => awsScope(res),
  children: (res) => {
    const ebs = getPath(res.attributes, 'ebs_block_device');
    const ebsIds = Array.isArray(ebs) ? ebs.map((d) => (d as { volume_id?: unknown })?.volume_id) : [];
    return identitiesFrom(
      attr(res, 'root_block_device.0.volume_id'),
      attr(res, 'primary_network_interface_id'),
      ...ebsIds.map((v) => (typeof v === 'string' ? v : undefined)),
    );
  },
  attributes: [
    tagsRule,
    { path: 'instance_type', actual: conf('instanceType') },
    { path: 'ami', actual: conf('imageId') },
    { path: 'subnet_id', actual: conf('subnetId') },
    { path: 'key_name', actual: conf('keyName') },
    { path: 'ebs_optimized', actual: conf('ebsOptimized') },
    { path: 'source_dest_check', actual: conf('sourceDestCheck') },
    {
      path: 'monitoring',
      actual: conf('monitoring.state'),
      normalize: [monitoringState, boolFromEnabledNormalizer],
    },
    {
      path: 'vpc_security_group_ids',
      actual: (live) => {
        const groups = conf('securityGroups')(live);
        if (groups === ABSENT) return ABSENT;
        return Array.isArray(groups) ? groups.map((g) => (g as { groupId?: unknown })?.groupId) : groups;
      },
      compare: 'set',
    },
    { path: 'iam_instance_profile', actual: conf('iamInstanceProfile.arn'), normalize: [profileName] },
    { path: 'root_block_device.0.delete_on_termination', actual: rootDeleteOnTermination },
    { path: 'metadata_options.0.http_tokens', actual: confIfRecorded('metadataOptions.httpTokens') },
    { path: 'metadata_options.0.http_endpoint', actual: confIfRecorded('metadataOptions.httpEndpoint') },
    {
      // A raised hop limit lets containers on the host reach the instance credentials.
      path: 'metadata_options.0.http_put_response_hop_limit',
      actual: confIfRecorded('metadataOptions.httpPutResponseHopLimit'),
    },
  ],
};
