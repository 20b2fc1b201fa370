import { describe, expect, it } from 'vitest';
import { awsIdentities, awsScope } from '../../../../lib/mappings/defaults/aws.ts';
import { stateResource } from './state-resource.ts';

describe('aws defaults', () => {
  const bucket = {
    id: 'b',
    arn: 'arn:aws:s3:::b',
    bucket: 'b',
    bucket_domain_name: 'b.s3.amazonaws.com',
    tags: {},
  };

  it('identities: arn, then id, then name, without duplicates or empties', () => {
    expect(awsIdentities(stateResource('aws_s3_bucket', bucket))).toEqual(['arn:aws:s3:::b', 'b']);
    const role = stateResource('aws_iam_role', {
      arn: 'arn:aws:iam::123456789012:role/app',
      id: 'app',
      name: 'app',
      unique_id: 'AROA1234567890EXAMPLE',
    });
    expect(awsIdentities(role)).toEqual(['arn:aws:iam::123456789012:role/app', 'app']);
    const lt = stateResource('aws_launch_template', { arn: '', id: 'lt-0abc', name: 'web' });
    expect(awsIdentities(lt)).toEqual(['lt-0abc', 'web']);
  });

  it('scope: an S3 bucket ARN has no account or region', () => {
    expect(awsScope(stateResource('aws_s3_bucket', bucket))).toBe('aws:*:*');
  });

  it('scope: the region attribute fills the region', () => {
    expect(awsScope(stateResource('aws_s3_bucket', { ...bucket, region: 'eu-west-1' }))).toBe(
      'aws:*:eu-west-1',
    );
  });

  it('scope: IAM is global', () => {
    const role = stateResource('aws_iam_role', { arn: 'arn:aws:iam::123456789012:role/app', id: 'app' });
    expect(awsScope(role)).toBe('aws:123456789012:global');
  });

  it('scope: account and region from a regional ARN; an ARN in id (awscc) counts too', () => {
    const q = stateResource('aws_sqs_queue', {
      arn: 'arn:aws:sqs:us-east-1:123456789012:jobs',
      id: 'https://sqs.us-east-1.amazonaws.com/123456789012/jobs',
    });
    expect(awsScope(q)).toBe('aws:123456789012:us-east-1');
    const topic = stateResource('awscc_sns_topic', {
      id: 'arn:aws-us-gov:sns:us-gov-west-1:210987654321:alerts',
    });
    expect(awsScope(topic)).toBe('aws:210987654321:us-gov-west-1');
  });

  it('scope: no ARN and no region leaves both parts unknown', () => {
    expect(awsScope(stateResource('aws_vpc', { id: 'vpc-0a1b2c3d' }))).toBe('aws:*:*');
  });
});
