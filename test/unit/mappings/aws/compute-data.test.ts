import { describe, expect, it } from 'vitest';
import { SENSITIVE_PLACEHOLDER, sensitive } from '../../../../lib/core/model/sensitive.ts';
import { awsDynamodbTable } from '../../../../lib/mappings/aws/dynamodb-table.ts';
import { awsLambdaFunction } from '../../../../lib/mappings/aws/lambda-function.ts';
import { diff, fixture, hasher, liveFromConfigItem, stateResource, withPath } from './helpers.ts';

describe('aws_lambda_function', () => {
  const item = fixture('lambda-function.config.json');
  // The parser seals sensitive values with the same keyed hash the engine uses.
  const raw = fixture<Record<string, unknown>>('lambda-function.state.json');
  const sealed = withPath(
    raw,
    'instances.0.attributes.environment.0.variables.DB_PASSWORD',
    sensitive(hasher, 's3cr3t-value'),
  );
  const res = stateResource(sealed as never);

  it('identities: ARN then function name', () => {
    expect(awsLambdaFunction.identities(res)).toEqual([
      'arn:aws:lambda:eu-west-1:123456789012:function:orders-handler',
      'orders-handler',
    ]);
  });

  it('clean: "30" vs 30, subnet order, sealed env value equal by hash, -1 concurrency', () => {
    expect(diff(awsLambdaFunction, res, liveFromConfigItem(item as never))).toEqual([]);
  });

  it('reports runtime, memory and a changed secret without printing it', () => {
    let drifted = withPath(item, 'configuration.runtime', 'nodejs18.x');
    drifted = withPath(drifted, 'configuration.memorySize', 1024);
    drifted = withPath(drifted, 'configuration.environment.variables.DB_PASSWORD', 'rotated-by-hand');
    const changes = diff(awsLambdaFunction, res, liveFromConfigItem(drifted as never));
    expect(changes).toEqual([
      { path: 'runtime', desired: 'nodejs20.x', actual: 'nodejs18.x' },
      { path: 'memory_size', desired: 512, actual: 1024 },
      {
        path: 'environment.0.variables.DB_PASSWORD',
        desired: SENSITIVE_PLACEHOLDER,
        actual: SENSITIVE_PLACEHOLDER,
        sensitive: true,
        digest: expect.any(String),
      },
    ]);
    expect(JSON.stringify(changes)).not.toContain('rotated-by-hand');
  });
});

describe('aws_dynamodb_table', () => {
  const item = fixture('dynamodb-table.config.json');
  const res = stateResource(fixture('dynamodb-table.state.json') as never);

  it('clean (ssedescription spelling, PITR supplement, key schema)', () => {
    expect(diff(awsDynamodbTable, res, liveFromConfigItem(item as never))).toEqual([]);
  });

  it('reports billing mode, capacity, PITR off and streams off', () => {
    let drifted = withPath(item, 'configuration.billingModeSummary', null);
    drifted = withPath(drifted, 'configuration.provisionedThroughput.readCapacityUnits', 5);
    drifted = withPath(drifted, 'configuration.streamSpecification', null);
    drifted = withPath(
      drifted,
      'supplementaryConfiguration.ContinuousBackupsDescription.pointInTimeRecoveryDescription.pointInTimeRecoveryStatus',
      'DISABLED',
    );
    expect(diff(awsDynamodbTable, res, liveFromConfigItem(drifted as never))).toEqual([
      { path: 'billing_mode', desired: 'PAY_PER_REQUEST', actual: 'PROVISIONED' },
      { path: 'read_capacity', desired: 0, actual: 5 },
      { path: 'stream_enabled', desired: true, actual: false },
      { path: 'stream_view_type', desired: 'NEW_AND_OLD_IMAGES', actual: null },
      { path: 'point_in_time_recovery.0.enabled', desired: true, actual: false },
    ]);
  });
});
