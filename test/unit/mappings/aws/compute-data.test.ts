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

  it('clean: no environment on either side (state `[]`, Config `{variables:{}}` or no key), layer ARN objects', () => {
    const layer = 'arn:aws:lambda:eu-west-1:123456789012:layer:otel:7';
    const bare = stateResource(
      withPath(withPath(raw, 'instances.0.attributes.environment', []), 'instances.0.attributes.layers', [
        layer,
      ]) as never,
    );
    let live = withPath(item, 'configuration.environment', { variables: {} });
    live = withPath(live, 'configuration.layers', [{ arn: layer, codeSize: 4821 }]);
    expect(diff(awsLambdaFunction, bare, liveFromConfigItem(live as never))).toEqual([]);
    const noKey = structuredClone(live) as { configuration: Record<string, unknown> };
    delete noKey.configuration.environment;
    expect(diff(awsLambdaFunction, bare, liveFromConfigItem(noKey as never))).toEqual([]);
  });

  it('reports a variable added by hand to a function declared without any, and a swapped layer', () => {
    const bare = stateResource(
      withPath(withPath(raw, 'instances.0.attributes.environment', []), 'instances.0.attributes.layers', [
        'arn:aws:lambda:eu-west-1:123456789012:layer:otel:7',
      ]) as never,
    );
    let live = withPath(item, 'configuration.environment', { variables: { DEBUG: '1' } });
    live = withPath(live, 'configuration.layers', [
      { arn: 'arn:aws:lambda:eu-west-1:123456789012:layer:otel:9', codeSize: 4821 },
    ]);
    expect(diff(awsLambdaFunction, bare, liveFromConfigItem(live as never))).toEqual([
      { path: 'environment.0.variables.DEBUG', desired: null, actual: 1 },
      {
        path: 'layers.0',
        desired: 'arn:aws:lambda:eu-west-1:123456789012:layer:otel:7',
        actual: 'arn:aws:lambda:eu-west-1:123456789012:layer:otel:9',
      },
    ]);
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
