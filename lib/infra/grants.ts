import * as iam from 'aws-cdk-lib/aws-iam';
import { scanBucketArn, TABLE_SCHEMA, tableArn } from './names.ts';

/**
 * Explicit grants on the stateful resources, built from their fixed names so every ARN is the
 * same in every stack (no cross-stack wildcard tokens) and indexes are listed, not `index/*`.
 */
const TABLE_ACTIONS = [
  'dynamodb:BatchGetItem',
  'dynamodb:BatchWriteItem',
  'dynamodb:ConditionCheckItem',
  'dynamodb:DeleteItem',
  'dynamodb:DescribeTable',
  'dynamodb:GetItem',
  'dynamodb:PutItem',
  'dynamodb:Query',
  'dynamodb:Scan',
  'dynamodb:UpdateItem',
];

/** Item read/write on the drift table and its six indexes, and the data key through DynamoDB. */
export function grantTableReadWrite(grantee: iam.IGrantable, dataKeyArn: string): void {
  const arn = tableArn();
  grantee.grantPrincipal.addToPrincipalPolicy(
    new iam.PolicyStatement({
      actions: TABLE_ACTIONS,
      resources: [arn, ...TABLE_SCHEMA.indexes.map((i) => `${arn}/index/${i}`)],
    }),
  );
  grantee.grantPrincipal.addToPrincipalPolicy(
    new iam.PolicyStatement({
      actions: ['kms:Decrypt', 'kms:Encrypt', 'kms:GenerateDataKey', 'kms:DescribeKey'],
      resources: [dataKeyArn],
    }),
  );
}

/**
 * s3:GetObject and/or s3:PutObject under one prefix of the scan bucket (SSE-KMS with the data key).
 * Readers also get s3:ListBucket on the bucket, so a missing object answers 404 rather than 403.
 */
export function grantScanObjects(
  grantee: iam.IGrantable,
  prefix: 'manifests' | 'reports' | 'events',
  access: 'read' | 'write' | 'readwrite',
  dataKeyArn: string,
): void {
  const actions = [
    ...(access !== 'write' ? ['s3:GetObject'] : []),
    ...(access !== 'read' ? ['s3:PutObject'] : []),
  ];
  grantee.grantPrincipal.addToPrincipalPolicy(
    new iam.PolicyStatement({ actions, resources: [`${scanBucketArn()}/${prefix}/*`] }),
  );
  if (access !== 'write') {
    grantee.grantPrincipal.addToPrincipalPolicy(
      new iam.PolicyStatement({ actions: ['s3:ListBucket'], resources: [scanBucketArn()] }),
    );
  }
  grantee.grantPrincipal.addToPrincipalPolicy(
    new iam.PolicyStatement({
      actions: access === 'read' ? ['kms:Decrypt'] : ['kms:Decrypt', 'kms:GenerateDataKey'],
      resources: [dataKeyArn],
    }),
  );
}
