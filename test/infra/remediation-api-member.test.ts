import { Match, type Template } from 'aws-cdk-lib/assertions';
import { beforeAll, describe, expect, it } from 'vitest';
import { apiRoutes } from '../../lib/api/routes/index.ts';
import { API_ROUTES } from '../../lib/infra/api-routes.ts';
import { scrubbed } from './snapshot.ts';
import { exampleConfig, nagFindings, type SynthResult, stateMachineDefinition, synthApp } from './synth.ts';

let synth: SynthResult;
let remediation: Template;
let api: Template;
let member: Template;
const fn = (name: string) => `arn:aws:lambda:us-east-1:123456789012:function:${name}`;

beforeAll(() => {
  synth = synthApp(exampleConfig());
  remediation = synth.templates.remediation;
  api = synth.templates.api;
  member = synth.templates.member!;
});

describe('RemediationStack', () => {
  it('waits for the approval task token with the configured timeout and ends every branch cleanly', () => {
    const asl = stateMachineDefinition(remediation, 'Remediation');
    expect(asl.StartAt).toBe('BuildPlan');
    expect(asl.States.BuildPlan).toMatchObject({
      Resource: fn('RemediationPlan'),
      Parameters: { 'detail.$': '$.detail' },
    });
    const approval = asl.States.RequestApproval;
    expect(approval).toMatchObject({
      Resource: 'arn:aws:states:::lambda:invoke.waitForTaskToken',
      Parameters: {
        FunctionName: fn('RemediationApproval'),
        Payload: { 'taskToken.$': '$$.Task.Token', 'remediation.$': '$' },
      },
      TimeoutSeconds: 48 * 3600,
      HeartbeatSeconds: 48 * 3600 - 60,
      ResultPath: '$.approval',
      Next: 'Execute',
    });
    expect(
      approval.Catch.map((c: { ErrorEquals: string[]; Next: string }) => [c.ErrorEquals, c.Next]),
    ).toEqual([
      [['Rejected'], 'Rejected'],
      [['States.Timeout', 'States.HeartbeatTimeout'], 'Expired'],
      [['States.ALL'], 'Failed'],
    ]);
    expect(asl.States.Execute).toMatchObject({ Resource: fn('RemediationExecute'), Next: 'Verify' });
    expect(asl.States.Verify).toMatchObject({ Resource: fn('RemediationVerify'), Next: 'Record' });
    expect(asl.States.Record).toMatchObject({
      Resource: fn('RemediationRecord'),
      Parameters: { outcome: 'executed', 'remediation.$': '$' },
      End: true,
    });
    expect(asl.States.Rejected).toMatchObject({ Parameters: { outcome: 'rejected' }, Next: 'RejectedDone' });
    expect(asl.States.Expired).toMatchObject({ Parameters: { outcome: 'expired' }, Next: 'ExpiredDone' });
    expect(asl.States.RejectedDone.Type).toBe('Succeed');
    expect(asl.States.ExpiredDone.Type).toBe('Succeed');
    expect(asl.States.Failed).toMatchObject({ Parameters: { outcome: 'failed' }, Next: 'RemediationFailed' });
    expect(asl.States.RemediationFailed.Type).toBe('Fail');
    remediation.hasResourceProperties('AWS::StepFunctions::StateMachine', {
      StateMachineName: 'driftwatch-remediation',
      TracingConfiguration: { Enabled: true },
      LoggingConfiguration: { Level: 'ALL', IncludeExecutionData: false, Destinations: Match.anyValue() },
    });
  });

  it('lets Verify rescan through the member role, and execute/approval/record publish events', () => {
    const policies = Object.entries(remediation.findResources('AWS::IAM::Policy'));
    const of = (prefix: string) => JSON.stringify(policies.filter(([id]) => id.startsWith(prefix)));
    expect(of('RemediationVerify')).toContain(
      '"Action":"sts:AssumeRole","Effect":"Allow","Resource":"arn:aws:iam::*:role/driftwatch-read"',
    );
    expect(of('RemediationPlan')).not.toContain('sts:AssumeRole');
    for (const f of ['RemediationApproval', 'RemediationExecute', 'RemediationRecord'])
      expect(of(f)).toContain('"Action":"events:PutEvents"');
    expect(of('RemediationVerify')).not.toContain('events:PutEvents');
  });

  it('starts remediation from DriftDetected matching config.remediation, with a DLQ', () => {
    remediation.hasResourceProperties('AWS::Events::Rule', {
      State: 'ENABLED',
      EventPattern: {
        source: ['driftwatch'],
        'detail-type': ['DriftDetected'],
        detail: { severity: ['high', 'critical'], category: ['TagChange'], target: ['aws-staging'] },
      },
      Targets: [
        Match.objectLike({
          Arn: { Ref: Match.stringLikeRegexp('^RemediationStateMachine') },
          DeadLetterConfig: { Arn: Match.anyValue() },
          RetryPolicy: { MaximumRetryAttempts: 3, MaximumEventAgeInSeconds: 7200 },
        }),
      ],
    });
  });

  it('routes alerts by severity to the encrypted, TLS-only topic and the configured topics', () => {
    remediation.hasResourceProperties('AWS::SNS::Topic', { KmsMasterKeyId: Match.anyValue() });
    const topicPolicy = JSON.stringify(remediation.findResources('AWS::SNS::TopicPolicy'));
    expect(topicPolicy).toContain('"Condition":{"Bool":{"aws:SecureTransport":"false"}},"Effect":"Deny"');
    remediation.hasResourceProperties('AWS::Events::Rule', {
      EventPattern: {
        source: ['driftwatch'],
        'detail-type': ['DriftDetected', 'DriftChanged'],
        detail: { severity: ['high', 'critical'] },
      },
      Targets: [Match.objectLike({ Arn: { Ref: Match.stringLikeRegexp('^AlertsTopic') } })],
    });
    remediation.hasResourceProperties('AWS::Events::Rule', {
      EventPattern: Match.objectLike({ detail: { severity: ['critical'], category: ['SecurityChange'] } }),
      Targets: [
        Match.objectLike({ Arn: { Ref: Match.stringLikeRegexp('^AlertsTopic') } }),
        Match.objectLike({
          Arn: 'arn:aws:sns:eu-west-1:123456789012:secops-pager',
          DeadLetterConfig: { Arn: Match.anyValue() },
        }),
      ],
    });
  });
});

describe('ApiStack', () => {
  it('serves every lib/api route and the approvals', () => {
    const infra = new Set(API_ROUTES.map((r) => `${r.method} ${r.path}`));
    for (const r of apiRoutes) expect(infra).toContain(`${r.method} ${r.path}`);
    for (const r of ['GET /approvals', 'GET /approvals/{id}', 'POST /approvals/{id}'])
      expect(infra).toContain(r);
    api.resourceCountIs('AWS::ApiGateway::Method', API_ROUTES.length);
  });

  it('requires AWS_IAM on every method and validates params and bodies', () => {
    const methods = Object.values(api.findResources('AWS::ApiGateway::Method'));
    for (const m of methods) expect(m.Properties.AuthorizationType).toBe('AWS_IAM');
    api.hasResourceProperties('AWS::ApiGateway::RequestValidator', {
      Name: 'params',
      ValidateRequestParameters: true,
    });
    api.hasResourceProperties('AWS::ApiGateway::RequestValidator', {
      Name: 'body-and-params',
      ValidateRequestBody: true,
      ValidateRequestParameters: true,
    });
    api.hasResourceProperties('AWS::ApiGateway::Model', {
      Name: 'Decision',
      Schema: Match.objectLike({ required: ['decision'] }),
    });
    const post = methods.filter((m) => m.Properties.HttpMethod === 'POST' && m.Properties.RequestModels);
    expect(post).toHaveLength(2);
    for (const m of post) expect(m.Properties.RequestParameters).toEqual({ 'method.request.path.id': true });
  });

  it('throttles the stage and writes JSON access logs, without data traces', () => {
    api.hasResourceProperties('AWS::ApiGateway::Stage', {
      StageName: 'v1',
      TracingEnabled: true,
      MethodSettings: [
        {
          HttpMethod: '*',
          ResourcePath: '/*',
          ThrottlingRateLimit: 50,
          ThrottlingBurstLimit: 100,
          LoggingLevel: 'ERROR',
          DataTraceEnabled: false,
          MetricsEnabled: true,
        },
      ],
      AccessLogSetting: {
        DestinationArn: Match.anyValue(),
        Format: Match.stringLikeRegexp('^\\{"requestId"'),
      },
    });
  });

  it('runs the API handler with the state machine ARNs and may answer approvals', () => {
    api.hasResourceProperties('AWS::Lambda::Function', {
      Environment: {
        Variables: Match.objectLike({
          TABLE_NAME: 'driftwatch',
          SCAN_STATE_MACHINE_ARN: Match.anyValue(),
          REMEDIATION_STATE_MACHINE_ARN: Match.anyValue(),
        }),
      },
      Architectures: ['arm64'],
      TracingConfig: { Mode: 'Active' },
    });
    const policies = JSON.stringify(api.findResources('AWS::IAM::Policy'));
    expect(policies).toContain('"Action":"states:StartExecution"');
    expect(policies).toContain('"states:SendTaskSuccess"');
    expect(policies).toContain('"states:SendTaskFailure"');
  });

  it('serves the dashboard from a private bucket through CloudFront OAC, API on the same origin', () => {
    api.resourceCountIs('AWS::CloudFront::OriginAccessControl', 1);
    api.hasResourceProperties('AWS::CloudFront::Distribution', {
      DistributionConfig: Match.objectLike({
        CacheBehaviors: [Match.objectLike({ PathPattern: '/ui/*', ViewerProtocolPolicy: 'https-only' })],
        DefaultCacheBehavior: Match.objectLike({ ViewerProtocolPolicy: 'https-only' }),
      }),
    });
    api.hasResourceProperties('AWS::CloudFront::ResponseHeadersPolicy', {
      ResponseHeadersPolicyConfig: Match.objectLike({
        SecurityHeadersConfig: Match.objectLike({
          ContentSecurityPolicy: Match.objectLike({
            ContentSecurityPolicy: Match.stringLikeRegexp("connect-src 'self'"),
          }),
        }),
      }),
    });
    api.hasResourceProperties('Custom::CDKBucketDeployment', { DestinationBucketKeyPrefix: 'ui/' });
  });
});

describe('MemberAccountStack', () => {
  it('trusts the scanner account only with the ExternalId, read-only, as a StackSet-ready template', () => {
    member.hasResourceProperties('AWS::IAM::Role', {
      RoleName: 'driftwatch-read',
      AssumeRolePolicyDocument: {
        Statement: [
          {
            Action: 'sts:AssumeRole',
            Effect: 'Allow',
            Principal: { AWS: Match.objectLike({ 'Fn::Join': Match.anyValue() }) },
            Condition: { StringEquals: { 'sts:ExternalId': { Ref: 'ExternalId' } } },
          },
        ],
      },
      ManagedPolicyArns: [
        Match.objectLike({ 'Fn::Join': ['', Match.arrayWith([':iam::aws:policy/SecurityAudit'])] }),
      ],
    });
    member.hasParameter('ExternalId', { Type: 'String', Default: 'driftwatch-acme-7f3c' });
    member.hasParameter('ScannerAccountId', { Type: 'String', Default: '123456789012' });
    const text = JSON.stringify(member.toJSON());
    expect(text).toContain('"Action":["s3:GetObject","s3:ListBucket"]');
    expect(text).not.toMatch(/Fn::ImportValue|cdk-hnb659fds-assets|Custom::/);
  });
});

describe('auth=cognito', () => {
  it('uses a Cognito user pool authorizer on every method and still passes cdk-nag', () => {
    const cognito = synthApp(exampleConfig(), { auth: 'cognito', dashboard: false });
    const methods = Object.values(cognito.templates.api.findResources('AWS::ApiGateway::Method'));
    expect(methods).toHaveLength(API_ROUTES.length);
    for (const m of methods) {
      expect(m.Properties.AuthorizationType).toBe('COGNITO_USER_POOLS');
      expect(m.Properties.AuthorizerId).toBeDefined();
    }
    cognito.templates.api.hasResourceProperties('AWS::Cognito::UserPool', {
      MfaConfiguration: 'ON',
      AdminCreateUserConfig: { AllowAdminCreateUserOnly: true },
    });
    expect(nagFindings(cognito.stacks.api)).toEqual([]);
  });
});

describe('snapshots and cdk-nag', () => {
  it('matches the hash-scrubbed snapshots', () => {
    expect(scrubbed(remediation)).toMatchSnapshot('remediation');
    expect(scrubbed(api)).toMatchSnapshot('api');
    expect(scrubbed(member)).toMatchSnapshot('member');
  });

  it('has no unacknowledged AwsSolutions findings', () => {
    expect(nagFindings(synth.stacks.remediation)).toEqual([]);
    expect(nagFindings(synth.stacks.api)).toEqual([]);
    expect(nagFindings(synth.stacks.member!)).toEqual([]);
  });
});
