import { describe, expect, it } from 'vitest';
import { classifyChange } from '../../../../lib/core/classify/index.ts';
import type { Provider } from '../../../../lib/core/model/provider.ts';

function cls(provider: Provider, type: string, path: string, desired: unknown, actual: unknown) {
  return classifyChange({ provider, type, kind: 'changed', path, desired, actual });
}
const CRITICAL = { category: 'SecurityChange', severity: 'critical' };
const HIGH = { category: 'SecurityChange', severity: 'high' };

const policy = (statement: unknown) => JSON.stringify({ Version: '2012-10-17', Statement: statement });

describe('SecurityChange escalates to critical when access opens', () => {
  it('SG ingress gains 0.0.0.0/0', () => {
    expect(
      cls('aws', 'aws_security_group', 'ingress.0.cidr_blocks', ['10.0.0.0/8'], ['10.0.0.0/8', '0.0.0.0/0']),
    ).toEqual(CRITICAL);
  });
  it('SG ingress rule set gains an ::/0 rule (whole-block change)', () => {
    const d = [{ from_port: 443, to_port: 443, protocol: 'tcp', cidr_blocks: ['10.0.0.0/8'] }];
    const a = [...d, { from_port: 22, to_port: 22, protocol: 'tcp', ipv6_cidr_blocks: ['::/0'] }];
    expect(cls('aws', 'aws_security_group', 'ingress', d, a)).toEqual(CRITICAL);
  });
  it('SG egress to 0.0.0.0/0 does not open inbound access', () => {
    expect(cls('aws', 'aws_security_group', 'egress.0.cidr_blocks', ['10.0.0.0/8'], ['0.0.0.0/0'])).toEqual(
      HIGH,
    );
  });
  it('0.0.0.0/0 present on both sides (port widened) stays high', () => {
    expect(
      cls(
        'aws',
        'aws_security_group',
        'ingress',
        [{ cidr_blocks: ['0.0.0.0/0'], from_port: 443 }],
        [{ cidr_blocks: ['0.0.0.0/0'], from_port: 80 }],
      ),
    ).toEqual(HIGH);
  });
  it('standalone ingress rule with cidr_ipv4 0.0.0.0/0', () => {
    expect(
      cls('aws', 'aws_vpc_security_group_ingress_rule', 'cidr_ipv4', '10.1.0.0/16', '0.0.0.0/0'),
    ).toEqual(CRITICAL);
  });
  it('GCP firewall source_ranges gains 0.0.0.0/0', () => {
    expect(
      cls(
        'gcp',
        'google_compute_firewall',
        'source_ranges',
        ['35.235.240.0/20'],
        ['0.0.0.0/0', '35.235.240.0/20'],
      ),
    ).toEqual(CRITICAL);
  });
  it.each(['*', 'Internet', '0.0.0.0/0'])('Azure NSG source prefix becomes %s', (src) => {
    expect(
      cls(
        'azure',
        'azurerm_network_security_group',
        'security_rule.1.source_address_prefix',
        '10.0.0.0/16',
        src,
      ),
    ).toEqual(CRITICAL);
  });
  it('Azure NSG rule list gains an inbound Allow rule from Internet', () => {
    const base = {
      name: 'out',
      direction: 'Outbound',
      access: 'Allow',
      protocol: '*',
      source_address_prefix: '*',
      destination_address_prefix: '0.0.0.0/0',
      destination_port_range: '*',
    };
    const rdp = {
      name: 'rdp',
      direction: 'Inbound',
      access: 'Allow',
      protocol: 'Tcp',
      source_address_prefix: 'Internet',
      destination_port_range: '3389',
    };
    expect(cls('azure', 'azurerm_network_security_group', 'security_rule', [base], [base, rdp])).toEqual(
      CRITICAL,
    );
  });
  it('Azure NSG rule list gaining an outbound rule to 0.0.0.0/0 stays high', () => {
    const out = {
      name: 'out',
      direction: 'Outbound',
      access: 'Allow',
      protocol: '*',
      source_address_prefix: '*',
      destination_address_prefix: '0.0.0.0/0',
      destination_port_range: '*',
    };
    expect(cls('azure', 'azurerm_network_security_group', 'security_rule', [], [out])).toEqual(HIGH);
  });
  it.each(['block_public_acls', 'block_public_policy', 'ignore_public_acls', 'restrict_public_buckets'])(
    'public access block %s true -> false',
    (flag) => {
      expect(cls('aws', 'aws_s3_bucket_public_access_block', flag, true, false)).toEqual(CRITICAL);
    },
  );
  it('public access block false -> true closes access: high', () => {
    expect(cls('aws', 'aws_s3_bucket_public_access_block', 'block_public_acls', false, true)).toEqual(HIGH);
  });
  it('publicly_accessible false -> true', () => {
    expect(cls('aws', 'aws_db_instance', 'publicly_accessible', false, true)).toEqual(CRITICAL);
  });
  it.each(['allow_nested_items_to_be_public', 'allow_blob_public_access'])(
    'Azure %s false -> true',
    (flag) => {
      expect(cls('azure', 'azurerm_storage_account', flag, false, true)).toEqual(CRITICAL);
    },
  );
  it('storage network_rules default_action Deny -> Allow', () => {
    expect(
      cls('azure', 'azurerm_storage_account', 'network_rules.0.default_action', 'Deny', 'Allow'),
    ).toEqual(CRITICAL);
  });
  it('S3 acl private -> public-read', () => {
    expect(cls('aws', 'aws_s3_bucket', 'acl', 'private', 'public-read')).toEqual(CRITICAL);
  });
  it('S3 ACL grant to the AllUsers group', () => {
    expect(
      cls(
        'aws',
        'aws_s3_bucket_acl',
        'access_control_policy.0.grant',
        [],
        [{ grantee: [{ uri: 'http://acs.amazonaws.com/groups/global/AllUsers' }], permission: 'READ' }],
      ),
    ).toEqual(CRITICAL);
  });
  it.each(['allUsers', 'allAuthenticatedUsers'])('GCP IAM member %s', (m) => {
    expect(cls('gcp', 'google_storage_bucket_iam_member', 'member', 'user:a@example.com', m)).toEqual(
      CRITICAL,
    );
  });
  it('GCS public_access_prevention enforced -> inherited', () => {
    expect(cls('gcp', 'google_storage_bucket', 'public_access_prevention', 'enforced', 'inherited')).toEqual(
      CRITICAL,
    );
  });
  it.each([
    ['Action "*"', '*'],
    ['Action "*:*"', '*:*'],
    ['service wildcard s3:*', ['s3:GetObject', 's3:*']],
  ])('IAM policy gains %s', (_n, action) => {
    const d = policy([{ Effect: 'Allow', Action: 's3:GetObject', Resource: '*' }]);
    const a = policy([{ Effect: 'Allow', Action: action, Resource: '*' }]);
    expect(cls('aws', 'aws_iam_policy', 'policy', d, a)).toEqual(CRITICAL);
  });
  it('policy given as an object gains Principal {"AWS":"*"}', () => {
    const d = {
      Statement: [
        { Effect: 'Allow', Principal: { AWS: 'arn:aws:iam::123456789012:root' }, Action: 'sts:AssumeRole' },
      ],
    };
    const a = { Statement: { Effect: 'Allow', Principal: { AWS: '*' }, Action: 'sts:AssumeRole' } };
    expect(cls('aws', 'aws_iam_role', 'assume_role_policy', d, a)).toEqual(CRITICAL);
  });
  it('bucket policy gains Principal "*" (URL-encoded)', () => {
    const a = encodeURIComponent(
      policy([{ Effect: 'Allow', Principal: '*', Action: 's3:GetObject', Resource: 'arn:aws:s3:::b/*' }]),
    );
    expect(cls('aws', 'aws_s3_bucket_policy', 'policy', policy([]), a)).toEqual(CRITICAL);
  });
  it('a Deny statement with Action "*" does not open access', () => {
    const a = policy([
      { Effect: 'Deny', Action: '*', Resource: '*', Condition: { Bool: { 'aws:SecureTransport': 'false' } } },
    ]);
    expect(cls('aws', 'aws_s3_bucket_policy', 'policy', policy([]), a)).toEqual(HIGH);
  });
  it('a wildcard that was already there does not escalate', () => {
    const d = policy([{ Effect: 'Allow', Action: 's3:*', Resource: 'arn:aws:s3:::a' }]);
    const a = policy([{ Effect: 'Allow', Action: 's3:*', Resource: 'arn:aws:s3:::b' }]);
    expect(cls('aws', 'aws_iam_policy', 'policy', d, a)).toEqual(HIGH);
  });
  it('leaf path inside a policy: policy.Statement.0.Action', () => {
    expect(cls('aws', 'aws_iam_policy', 'policy.Statement.0.Action', 'ec2:Describe*', '*')).toEqual(CRITICAL);
  });
  it.each([
    ['kubernetes_deployment', 'spec.0.template.0.spec.0.container.0.security_context.0.privileged'],
    ['apps/v1/DaemonSet', 'spec.template.spec.containers.0.securityContext.privileged'],
    ['apps/v1/Deployment', 'spec.template.spec.hostNetwork'],
  ])('Kubernetes %s %s false -> true', (type, path) => {
    expect(cls('kubernetes', type, path, false, true)).toEqual(CRITICAL);
  });
  it('Service loadBalancerSourceRanges gains 0.0.0.0/0', () => {
    expect(
      cls('kubernetes', 'v1/Service', 'spec.loadBalancerSourceRanges', ['203.0.113.0/24'], ['0.0.0.0/0']),
    ).toEqual(CRITICAL);
  });
  it('Cloud SQL authorized network 0.0.0.0/0', () => {
    expect(
      cls(
        'gcp',
        'google_sql_database_instance',
        'settings.0.ip_configuration.0.authorized_networks.0.value',
        '198.51.100.7/32',
        '0.0.0.0/0',
      ),
    ).toEqual(CRITICAL);
  });
});
