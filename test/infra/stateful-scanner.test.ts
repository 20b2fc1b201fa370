import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { App, Stack } from 'aws-cdk-lib';
import { Match, Template } from 'aws-cdk-lib/assertions';
import { beforeAll, describe, expect, it } from 'vitest';
import { REPO_ROOT } from '../../bin/driftwatch-app.ts';
import { tableDefinition } from '../../lib/adapters/store/dynamodb/table-schema.ts';
import type { DriftwatchConfig } from '../../lib/core/config/index.ts';
import { DriftwatchFunction } from '../../lib/infra/driftwatch-function.ts';
import { scrubbed } from './snapshot.ts';
import { exampleConfig, nagFindings, type SynthResult, stateMachineDefinition, synthApp } from './synth.ts';

let config: DriftwatchConfig;
let synth: SynthResult;
let stateful: Template;
let scanner: Template;
const fn = (name: string) => `arn:aws:lambda:us-east-1:123456789012:function:${name}`;

beforeAll(() => {
  config = exampleConfig();
  synth = synthApp(config);
  stateful = synth.templates.stateful;
  scanner = synth.templates.scanner;
});

describe('StatefulStack', () => {
  it('creates the drift table exactly as the DynamoDB adapter does', () => {
    const adapter = tableDefinition('driftwatch');
    stateful.hasResource('AWS::DynamoDB::Table', {
      DeletionPolicy: 'Retain',
      UpdateReplacePolicy: 'Retain',
      Properties: Match.objectLike({
        TableName: 'driftwatch',
        BillingMode: 'PAY_PER_REQUEST',
        KeySchema: adapter.KeySchema,
        PointInTimeRecoverySpecification: { PointInTimeRecoveryEnabled: true },
        SSESpecification: { SSEEnabled: true, SSEType: 'KMS', KMSMasterKeyId: Match.anyValue() },
        TimeToLiveSpecification: { AttributeName: 'expiresAt', Enabled: true },
        DeletionProtectionEnabled: true,
      }),
    });
    const table = Object.values(stateful.findResources('AWS::DynamoDB::Table'))[0]!.Properties;
    const byName = (a: { AttributeName?: string }, b: { AttributeName?: string }) =>
      String(a.AttributeName).localeCompare(String(b.AttributeName));
    expect([...table.AttributeDefinitions].sort(byName)).toEqual(
      [...adapter.AttributeDefinitions!].sort(byName),
    );
    expect(table.GlobalSecondaryIndexes).toEqual(adapter.GlobalSecondaryIndexes);
    expect(table.GlobalSecondaryIndexes).toHaveLength(6);
  });

  it('encrypts the scan bucket with the rotated data key, blocks public access and expires by prefix', () => {
    stateful.hasResourceProperties('AWS::KMS::Key', { EnableKeyRotation: true });
    stateful.hasResource('AWS::S3::Bucket', {
      DeletionPolicy: 'Retain',
      Properties: Match.objectLike({
        BucketEncryption: {
          ServerSideEncryptionConfiguration: [
            {
              BucketKeyEnabled: true,
              ServerSideEncryptionByDefault: { SSEAlgorithm: 'aws:kms', KMSMasterKeyID: Match.anyValue() },
            },
          ],
        },
        PublicAccessBlockConfiguration: {
          BlockPublicAcls: true,
          BlockPublicPolicy: true,
          IgnorePublicAcls: true,
          RestrictPublicBuckets: true,
        },
        LifecycleConfiguration: {
          Rules: [
            { Id: 'manifests', Prefix: 'manifests/', ExpirationInDays: 7, Status: 'Enabled' },
            { Id: 'reports', Prefix: 'reports/', ExpirationInDays: 90, Status: 'Enabled' },
            { Id: 'events', Prefix: 'events/', ExpirationInDays: 90, Status: 'Enabled' },
            {
              Id: 'multipart',
              AbortIncompleteMultipartUpload: { DaysAfterInitiation: 1 },
              Status: 'Enabled',
            },
          ],
        },
        LoggingConfiguration: { DestinationBucketName: Match.anyValue(), LogFilePrefix: 'scan-bucket/' },
      }),
    });
    // enforceSSL on both buckets: a Deny for aws:SecureTransport=false.
    const policies = stateful.findResources('AWS::S3::BucketPolicy');
    const tlsDenies = Object.values(policies).filter((p) =>
      p.Properties.PolicyDocument.Statement.some(
        (s: { Effect: string; Condition?: Record<string, Record<string, string>> }) =>
          s.Effect === 'Deny' && s.Condition?.Bool?.['aws:SecureTransport'] === 'false',
      ),
    );
    expect(tlsDenies).toHaveLength(2);
  });

  it('has the driftwatch bus with a replay archive, and a generated HMAC secret', () => {
    stateful.hasResourceProperties('AWS::Events::EventBus', { Name: 'driftwatch' });
    stateful.hasResourceProperties('AWS::Events::Archive', {
      EventPattern: { source: ['driftwatch'] },
      RetentionDays: 365,
    });
    stateful.hasResourceProperties('AWS::SecretsManager::Secret', {
      GenerateSecretString: { PasswordLength: 64, ExcludePunctuation: true, IncludeSpace: false },
    });
  });
});

describe('ScannerStack', () => {
  it('runs every scan Lambda on Node.js 22+ arm64 with X-Ray and the common environment', () => {
    const fns = Object.values(scanner.findResources('AWS::Lambda::Function'));
    expect(fns).toHaveLength(3);
    for (const f of fns) {
      expect(f.Properties.Runtime).toMatch(/^nodejs(2[2-9]|[3-9]\d)\.x$/);
      expect(f.Properties.Architectures).toEqual(['arm64']);
      expect(f.Properties.TracingConfig).toEqual({ Mode: 'Active' });
      const env = f.Properties.Environment.Variables;
      expect(env.TABLE_NAME).toBe('driftwatch');
      expect(env.EVENT_BUS_NAME).toBe('driftwatch');
      expect(env.POWERTOOLS_SERVICE_NAME).toBe('driftwatch');
      expect(env.BUCKET_NAME).toBeDefined();
      expect(env.HASH_KEY_SECRET_ARN).toBeDefined();
      expect(JSON.parse(env.DRIFTWATCH_CONFIG)).toEqual(config);
    }
    scanner.hasResourceProperties('AWS::Lambda::Function', {
      ReservedConcurrentExecutions: 40,
      Description: Match.stringLikeRegexp('ScanShardAws'),
    });
    scanner.resourcePropertiesCountIs('AWS::Logs::LogGroup', { RetentionInDays: 90 }, 4);
  });

  it('lets the shard assume member roles and read Config, Cloud Control and state buckets only', () => {
    const policies = JSON.stringify(scanner.findResources('AWS::IAM::Policy'));
    expect(policies).toContain(
      '"Action":"sts:AssumeRole","Effect":"Allow","Resource":"arn:aws:iam::*:role/driftwatch-read"',
    );
    for (const a of [
      'config:SelectResourceConfig',
      'cloudformation:ListResources',
      'cloudformation:GetResource',
    ])
      expect(policies).toContain(a);
    expect(policies).toContain(':s3:::acme-terraform-state/*');
    expect(policies).not.toMatch(/"s3:\*"|"dynamodb:\*"|"kms:\*"/);
  });

  it('logs and traces the scan state machine without execution data', () => {
    scanner.hasResourceProperties('AWS::StepFunctions::StateMachine', {
      StateMachineName: 'driftwatch-scan',
      StateMachineType: 'STANDARD',
      TracingConfiguration: { Enabled: true },
      LoggingConfiguration: { Level: 'ALL', IncludeExecutionData: false, Destinations: Match.anyValue() },
    });
  });

  it('defines Plan → Distributed Map over the JSONL manifest → Finalize, per docs/workflows.md', () => {
    const asl = stateMachineDefinition(scanner, 'Scan');
    expect(asl.StartAt).toBe('Plan');
    expect(asl.States.Plan).toMatchObject({ Type: 'Task', Resource: fn('ScanPlan'), Next: 'Shards' });
    expect(asl.States.Plan.Catch).toEqual([
      { ErrorEquals: ['States.ALL'], ResultPath: '$.error', Next: 'PlanFailed' },
    ]);
    const map = asl.States.Shards;
    expect(map.Type).toBe('Map');
    expect(map.ItemReader).toEqual({
      Resource: 'arn:aws:states:::s3:getObject',
      ReaderConfig: { InputType: 'JSONL' },
      Parameters: { 'Bucket.$': '$.manifest.bucket', 'Key.$': '$.manifest.key' },
    });
    expect(map.ItemSelector).toEqual({ 'shard.$': '$$.Map.Item.Value' });
    expect(map.MaxConcurrency).toBe(20);
    expect(map.ToleratedFailurePercentage).toBe(5);
    expect(map.ResultPath).toBe('$.shards');
    expect(map.ItemProcessor.ProcessorConfig).toEqual({ Mode: 'DISTRIBUTED', ExecutionType: 'STANDARD' });
    // The example config scans AWS only: one shard function, routed by the line's provider.
    expect(map.ItemProcessor.StartAt).toBe('ShardProvider');
    expect(map.ItemProcessor.States.ShardProvider).toEqual({
      Type: 'Choice',
      Choices: [{ Variable: '$.shard.provider', StringEquals: 'aws', Next: 'ScanShardAws' }],
      Default: 'NoShardFunction',
    });
    expect(map.ItemProcessor.States.NoShardFunction).toEqual({
      Type: 'Pass',
      Result: {
        Error: 'NoShardFunction',
        Cause: 'no ScanShard function for this provider: deploy again with the current config',
      },
      ResultPath: '$.error',
      Next: 'ShardFailed',
    });
    const shard = map.ItemProcessor.States.ScanShardAws;
    expect(shard).toMatchObject({
      Type: 'Task',
      Resource: fn('ScanShardAws'),
      InputPath: '$.shard',
      End: true,
    });
    expect(shard.Retry).toEqual([
      {
        ErrorEquals: [
          'Lambda.TooManyRequestsException',
          'Lambda.ServiceException',
          'Lambda.SdkClientException',
          'Lambda.AWSLambdaException',
        ],
        IntervalSeconds: 2,
        MaxAttempts: 3,
        BackoffRate: 2,
        JitterStrategy: 'FULL',
      },
    ]);
    expect(shard.Catch).toEqual([
      { ErrorEquals: ['States.ALL'], ResultPath: '$.error', Next: 'ShardFailed' },
    ]);
    expect(map.ItemProcessor.States.ShardFailed).toEqual({
      Type: 'Pass',
      Parameters: {
        'shardId.$': '$.shard.shardId',
        'target.$': '$.shard.target',
        status: 'failed',
        'error.$': '$.error',
      },
      End: true,
    });
    expect(map.Catch[0].Next).toBe('ScanFailed');
    expect(asl.States.Finalize).toMatchObject({
      Resource: fn('ScanFinalize'),
      End: true,
      Parameters: {
        'scanId.$': '$.scanId',
        'targets.$': '$.targets',
        'startedAt.$': '$.startedAt',
        'manifest.$': '$.manifest',
        'shards.$': '$.shards',
      },
    });
    expect(asl.States.ScanFailed).toMatchObject({
      Resource: fn('ScanFinalize'),
      Parameters: { 'scanId.$': '$.scanId', failed: true, 'error.$': '$.error' },
      Next: 'Failed',
    });
    expect(asl.States.Failed.Type).toBe('Fail');
  });

  it('lets the state machine read only the manifests prefix', () => {
    const json = JSON.stringify(scanner.findResources('AWS::IAM::Policy'));
    expect(json).toMatch(
      /"Action":"s3:GetObject","Effect":"Allow","Resource":\{"Fn::Join":\["",\["arn:",\{"Ref":"AWS::Partition"\},":s3:::driftwatch-scans-",\{"Ref":"AWS::AccountId"\},"-",\{"Ref":"AWS::Region"\},"\/manifests\/\*"\]\]\}/,
    );
  });

  it('schedules each target (own schedule or the default) with a flexible window, a role and a DLQ', () => {
    scanner.resourceCountIs('AWS::Scheduler::Schedule', 2);
    const expected = { 'aws-prod': 'cron(0 */2 * * ? *)', 'aws-staging': 'rate(6 hours)' };
    for (const [target, expression] of Object.entries(expected)) {
      scanner.hasResourceProperties('AWS::Scheduler::Schedule', {
        ScheduleExpression: expression,
        FlexibleTimeWindow: { Mode: 'FLEXIBLE', MaximumWindowInMinutes: 15 },
        Target: Match.objectLike({
          Input: JSON.stringify({ target, trigger: 'schedule' }),
          RoleArn: Match.anyValue(),
          DeadLetterConfig: { Arn: Match.anyValue() },
          RetryPolicy: { MaximumRetryAttempts: 3, MaximumEventAgeInSeconds: 3600 },
        }),
      });
    }
    scanner.hasResourceProperties('AWS::IAM::Policy', {
      PolicyDocument: {
        Statement: [
          {
            Action: 'states:StartExecution',
            Effect: 'Allow',
            Resource: { Ref: Match.stringLikeRegexp('^ScanStateMachine') },
          },
          {
            Action: 'sqs:SendMessage',
            Effect: 'Allow',
            Resource: { 'Fn::GetAtt': [Match.stringLikeRegexp('^SchedulesDeadLetters'), 'Arn'] },
          },
        ],
      },
    });
  });
});

describe('DriftwatchFunction bundling (real esbuild, one handler)', () => {
  it('bundles functions/api/handler.ts as minified ESM with the require banner, the SDK inside and a source map', () => {
    const app = new App();
    const stack = new Stack(app, 'Bundle');
    new DriftwatchFunction(stack, 'Api', {
      name: 'Api',
      entry: 'functions/api/handler.ts',
      repoRoot: REPO_ROOT,
      bundle: true,
      environment: {},
    });
    const fnProps = Object.values(Template.fromStack(stack).findResources('AWS::Lambda::Function'))[0]!
      .Properties;
    expect(fnProps.Handler).toBe('index.handler');
    expect(fnProps.Code.S3Key).toMatch(/^[a-f0-9]{64}\.zip$/);
    const assetDir = readdirSync(app.outdir).find((d) => d.startsWith('asset.'))!;
    const files = readdirSync(join(app.outdir, assetDir)).sort();
    expect(files).toEqual(['index.mjs', 'index.mjs.map']);
    const code = readFileSync(join(app.outdir, assetDir, 'index.mjs'), 'utf8');
    expect(code.startsWith("import { createRequire as __dwCreateRequire } from 'node:module';")).toBe(true);
    // externalModules []: the DynamoDB client is inside the bundle, not imported from the runtime.
    expect(code).not.toMatch(/from\s*"@aws-sdk\//);
    expect(code).toContain('dynamodb');
  }, 120_000);
});

describe('snapshots and cdk-nag', () => {
  it('matches the hash-scrubbed snapshots', () => {
    expect(scrubbed(stateful)).toMatchSnapshot('stateful');
    expect(scrubbed(scanner)).toMatchSnapshot('scanner');
  });

  it('has no unacknowledged AwsSolutions findings', () => {
    expect(nagFindings(synth.stacks.stateful)).toEqual([]);
    expect(nagFindings(synth.stacks.scanner)).toEqual([]);
  });
});
