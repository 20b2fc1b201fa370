import type { ResourceMapping } from '../../core/mapping/types.ts';
import { awsAssociations } from './associations.ts';
import { awsCloudwatchLogGroup } from './cloudwatch-log-group.ts';
import { awsDbInstance } from './db-instance.ts';
import { awsDynamodbTable } from './dynamodb-table.ts';
import { awsIamPolicy } from './iam-policy.ts';
import { awsIamRole } from './iam-role.ts';
import { awsIamRolePolicy } from './iam-role-policy.ts';
import { awsInstance } from './instance.ts';
import { awsKmsKey } from './kms-key.ts';
import { awsLambdaFunction } from './lambda-function.ts';
import { awsS3Bucket } from './s3-bucket.ts';
import { awsS3BucketPolicy } from './s3-bucket-policy.ts';
import { awsS3BucketPublicAccessBlock } from './s3-bucket-public-access-block.ts';
import { awsS3BucketSse } from './s3-bucket-server-side-encryption-configuration.ts';
import { awsS3BucketVersioning } from './s3-bucket-versioning.ts';
import { awsSecurityGroup } from './security-group.ts';
import { awsSecurityGroupRule } from './security-group-rule.ts';
import { awsSnsTopic } from './sns-topic.ts';
import { awsSqsQueue } from './sqs-queue.ts';
import { awsSubnet } from './subnet.ts';
import { awsVpc } from './vpc.ts';
import { awsVpcSecurityGroupEgressRule, awsVpcSecurityGroupIngressRule } from './vpc-security-group-rule.ts';

/** Hand-written AWS mappings (resources, facets, associations); pass before generated ones. */
export const awsMappings: readonly ResourceMapping[] = [
  awsS3Bucket,
  awsS3BucketVersioning,
  awsS3BucketPublicAccessBlock,
  awsS3BucketSse,
  awsS3BucketPolicy,
  awsInstance,
  awsSecurityGroup,
  awsSecurityGroupRule,
  awsVpcSecurityGroupIngressRule,
  awsVpcSecurityGroupEgressRule,
  awsVpc,
  awsSubnet,
  awsIamRole,
  awsIamPolicy,
  awsIamRolePolicy,
  awsLambdaFunction,
  awsDynamodbTable,
  awsSqsQueue,
  awsSnsTopic,
  awsKmsKey,
  awsDbInstance,
  awsCloudwatchLogGroup,
  ...awsAssociations,
];
