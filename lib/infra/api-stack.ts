import { Duration, RemovalPolicy, Stack, type StackProps } from 'aws-cdk-lib';
import * as apigw from 'aws-cdk-lib/aws-apigateway';
import * as cognito from 'aws-cdk-lib/aws-cognito';
import * as logs from 'aws-cdk-lib/aws-logs';
import type * as sfn from 'aws-cdk-lib/aws-stepfunctions';
import type { Construct } from 'constructs';
import { API_ROUTES, BODY_SCHEMAS, pathParameters } from './api-routes.ts';
import { DashboardSite } from './dashboard-site.ts';
import { DriftwatchFunction } from './driftwatch-function.ts';
import { grantTableReadWrite } from './grants.ts';
import { acknowledge } from './nag.ts';
import { EVENT_BUS_NAME, TABLE_NAME } from './names.ts';
import type { InfraOptions } from './props.ts';
import type { SharedResources } from './scanner-stack.ts';

export const API_THROTTLE = { rateLimit: 50, burstLimit: 100 } as const;

export interface ApiStackProps extends StackProps {
  shared: SharedResources;
  scanStateMachine: sfn.IStateMachine;
  remediationStateMachine: sfn.IStateMachine;
  options: InfraOptions;
}

/** The query API (REST, IAM or Cognito auth) in front of functions/api/handler.ts, and the dashboard site. */
export class ApiStack extends Stack {
  readonly api: apigw.RestApi;
  readonly dashboard?: DashboardSite;

  constructor(scope: Construct, id: string, props: ApiStackProps) {
    super(scope, id, props);
    const { shared, options } = props;
    const handler = new DriftwatchFunction(this, 'Api', {
      name: 'Api',
      entry: 'functions/api/handler.ts',
      repoRoot: options.repoRoot,
      bundle: options.bundle,
      memorySize: 512,
      timeout: Duration.seconds(29),
      environment: {
        TABLE_NAME,
        EVENT_BUS_NAME,
        SCAN_STATE_MACHINE_ARN: props.scanStateMachine.stateMachineArn,
        REMEDIATION_STATE_MACHINE_ARN: props.remediationStateMachine.stateMachineArn,
      },
    }).fn;
    grantTableReadWrite(handler, shared.dataKeyArn);
    shared.bus.grantPutEventsTo(handler);
    props.scanStateMachine.grantStartExecution(handler);
    // POST /approvals/{id} answers the waiting RequestApproval task.
    props.remediationStateMachine.grantTaskResponse(handler);

    const accessLogs = new logs.LogGroup(this, 'AccessLogs', {
      retention: logs.RetentionDays.ONE_YEAR,
      removalPolicy: RemovalPolicy.RETAIN,
    });
    const authorizer =
      options.auth === 'cognito'
        ? new apigw.CognitoUserPoolsAuthorizer(this, 'Authorizer', { cognitoUserPools: [userPool(this)] })
        : undefined;
    this.api = new apigw.RestApi(this, 'RestApi', {
      restApiName: 'driftwatch',
      description: 'driftwatch query API',
      endpointConfiguration: { types: [apigw.EndpointType.REGIONAL] },
      cloudWatchRole: true,
      cloudWatchRoleRemovalPolicy: RemovalPolicy.RETAIN,
      deployOptions: {
        stageName: 'v1',
        throttlingRateLimit: API_THROTTLE.rateLimit,
        throttlingBurstLimit: API_THROTTLE.burstLimit,
        accessLogDestination: new apigw.LogGroupLogDestination(accessLogs),
        accessLogFormat: apigw.AccessLogFormat.jsonWithStandardFields({
          caller: true,
          httpMethod: true,
          ip: true,
          protocol: true,
          requestTime: true,
          resourcePath: true,
          responseLength: true,
          status: true,
          user: true,
        }),
        loggingLevel: apigw.MethodLoggingLevel.ERROR,
        dataTraceEnabled: false,
        tracingEnabled: true,
        metricsEnabled: true,
      },
      defaultMethodOptions: authorizer
        ? { authorizationType: apigw.AuthorizationType.COGNITO, authorizer }
        : { authorizationType: apigw.AuthorizationType.IAM },
    });

    const paramsValidator = this.api.addRequestValidator('ParamsValidator', {
      requestValidatorName: 'params',
      validateRequestParameters: true,
    });
    const bodyValidator = this.api.addRequestValidator('BodyValidator', {
      requestValidatorName: 'body-and-params',
      validateRequestBody: true,
      validateRequestParameters: true,
    });
    const models = Object.fromEntries(
      Object.entries(BODY_SCHEMAS).map(([name, schema]) => [
        name,
        this.api.addModel(`${name}Model`, { modelName: name, contentType: 'application/json', schema }),
      ]),
    );
    const integration = new apigw.LambdaIntegration(handler, { proxy: true });
    for (const route of API_ROUTES) {
      const params = pathParameters(route.path);
      this.api.root.resourceForPath(route.path).addMethod(route.method, integration, {
        requestParameters: Object.fromEntries(params.map((p) => [`method.request.path.${p}`, true])),
        ...(route.body
          ? { requestValidator: bodyValidator, requestModels: { 'application/json': models[route.body]! } }
          : params.length
            ? { requestValidator: paramsValidator }
            : {}),
      });
    }

    if (options.dashboard) {
      this.dashboard = new DashboardSite(this, 'Dashboard', { api: this.api, files: options.dashboard });
    }
    suppressApiNag(this, options.auth);
  }
}

/** Invite-only user pool for dashboard users (auth=cognito): no self sign-up, MFA required. */
function userPool(scope: Construct): cognito.UserPool {
  return new cognito.UserPool(scope, 'Users', {
    selfSignUpEnabled: false,
    signInAliases: { email: true },
    mfa: cognito.Mfa.REQUIRED,
    mfaSecondFactor: { otp: true, sms: false },
    passwordPolicy: {
      minLength: 14,
      requireDigits: true,
      requireLowercase: true,
      requireUppercase: true,
      requireSymbols: true,
    },
    accountRecovery: cognito.AccountRecovery.EMAIL_ONLY,
    removalPolicy: RemovalPolicy.RETAIN,
  });
}

function suppressApiNag(stack: Stack, auth: InfraOptions['auth']): void {
  acknowledge(stack, [
    {
      id: 'AwsSolutions-IAM4',
      reason:
        'AmazonAPIGatewayPushToCloudWatchLogs is the AWS policy for the account-level API Gateway logging role; it writes logs only.',
      appliesTo: [
        'Policy::arn:<AWS::Partition>:iam::aws:policy/service-role/AmazonAPIGatewayPushToCloudWatchLogs',
      ],
    },
    {
      id: 'AwsSolutions-APIG3',
      reason:
        'No WAF by default: every method requires SigV4/Cognito auth and the stage is throttled; attach a web ACL per organisation policy.',
    },
  ]);
  if (auth === 'iam') {
    acknowledge(stack, [
      {
        id: 'AwsSolutions-COG4',
        reason: 'Methods use AWS_IAM authorization (SigV4); a Cognito authorizer is the auth=cognito option.',
      },
    ]);
  } else {
    acknowledge(stack, [
      {
        id: 'AwsSolutions-COG3',
        reason:
          'Threat protection (Plus feature plan) is a paid option; the pool is invite-only with MFA required.',
      },
      {
        id: 'AwsSolutions-COG8',
        reason:
          'Plus feature plan is a paid option; the pool is invite-only (admin-created users) with MFA required.',
      },
    ]);
  }
}
