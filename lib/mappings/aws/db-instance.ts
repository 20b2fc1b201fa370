import { isPlainObject } from '../../core/diff/path.ts';
import type { ResourceMapping } from '../../core/mapping/types.ts';
import { ABSENT } from '../../core/model/live-resource.ts';
import { asText, attr, awsScope, conf, confIfRecorded, identitiesFrom, tagsRule } from './common.ts';
import { kmsKeyRef } from './kms-key-ref.ts';

/**
 * aws_db_instance ↔ AWS::RDS::DBInstance. Config's resourceId is the DbiResourceId (`db-…`,
 * Terraform `resource_id`; also the id in provider v5+), resourceName the identifier (the id in v4).
 */
export const awsDbInstance: ResourceMapping = {
  provider: 'aws',
  terraformTypes: ['aws_db_instance'],
  nativeTypes: ['AWS::RDS::DBInstance'],
  identities: (res) =>
    identitiesFrom(attr(res, 'arn'), attr(res, 'resource_id'), attr(res, 'identifier'), res.id),
  scope: (res) => awsScope(res),
  attributes: [
    tagsRule,
    { path: 'engine', actual: conf('engine') },
    {
      // `engine_version = "15"` stays satisfied by 15.4 after automatic minor upgrades.
      path: 'engine_version',
      actual: (live, res) => {
        const v = conf('engineVersion')(live);
        const want = attr(res, 'engine_version');
        return typeof v === 'string' && want && v.startsWith(`${want}.`) ? want : v;
      },
      normalize: [asText],
    },
    { path: 'instance_class', actual: conf('dBInstanceClass', 'dbinstanceClass') },
    {
      // With storage autoscaling (max_allocated_storage) RDS grows the volume on its own.
      path: 'allocated_storage',
      actual: (live, res) =>
        Number(res.attributes.max_allocated_storage ?? 0) > 0 ? ABSENT : conf('allocatedStorage')(live),
    },
    { path: 'storage_type', actual: conf('storageType') },
    { path: 'multi_az', actual: conf('multiAZ') },
    { path: 'publicly_accessible', actual: conf('publiclyAccessible') },
    { path: 'storage_encrypted', actual: conf('storageEncrypted') },
    { path: 'kms_key_id', actual: conf('kmsKeyId'), normalize: [kmsKeyRef] },
    { path: 'backup_retention_period', actual: conf('backupRetentionPeriod') },
    // Not in Config's recorded RDS schema (awslabs/aws-config-resource-schema): older items lack it.
    { path: 'deletion_protection', actual: confIfRecorded('deletionProtection') },
    { path: 'auto_minor_version_upgrade', actual: conf('autoMinorVersionUpgrade') },
    {
      path: 'iam_database_authentication_enabled',
      actual: conf('iAMDatabaseAuthenticationEnabled', 'iamdatabaseAuthenticationEnabled'),
    },
    {
      path: 'db_subnet_group_name',
      actual: conf('dBSubnetGroup.dBSubnetGroupName', 'dbsubnetGroup.dbsubnetGroupName'),
    },
    {
      path: 'vpc_security_group_ids',
      actual: (live) => {
        const groups = conf('vpcSecurityGroups')(live);
        if (groups === ABSENT || !Array.isArray(groups)) return groups;
        return groups.map((g) => (isPlainObject(g) ? g.vpcSecurityGroupId : g));
      },
      compare: 'set',
    },
  ],
};
