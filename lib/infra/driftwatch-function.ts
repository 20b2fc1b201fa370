import { join } from 'node:path';
import { type CfnElement, Duration, Stack } from 'aws-cdk-lib';
import * as lambda from 'aws-cdk-lib/aws-lambda';
import { NodejsFunction, OutputFormat } from 'aws-cdk-lib/aws-lambda-nodejs';
import * as logs from 'aws-cdk-lib/aws-logs';
import { Construct } from 'constructs';
import { LAMBDA_BUNDLING } from './bundling-options.ts';
import { acknowledge } from './nag.ts';

/** Metadata key naming a Lambda for test/infra/synth.ts (placeholder ARNs in the local ASL runs). */
export const FUNCTION_NAME_METADATA = 'driftwatch:function';

export interface DriftwatchFunctionProps {
  /** Handler file relative to the repository root, e.g. `functions/scan-shard/handler.ts`. */
  entry: string;
  /** Short name used in metadata and descriptions, e.g. `ScanShard`. */
  name: string;
  repoRoot: string;
  bundle: boolean;
  environment: Record<string, string>;
  memorySize?: number;
  timeout?: Duration;
  reservedConcurrentExecutions?: number;
  /** esbuild `define` (see BUNDLE_DEFINE): compile-time constants that drop unused adapters. */
  define?: Record<string, string>;
}

/**
 * One driftwatch Lambda: Node.js 24 on arm64, X-Ray active, its own log group with retention.
 * The AWS SDK v3 is bundled (externalModules []) so the deployed code runs the SDK versions the
 * tests ran, tree-shaken and minified, instead of whatever the managed runtime ships that month.
 */
export class DriftwatchFunction extends Construct {
  readonly fn: lambda.Function;
  readonly logGroup: logs.LogGroup;

  constructor(scope: Construct, id: string, props: DriftwatchFunctionProps) {
    super(scope, id);
    this.logGroup = new logs.LogGroup(this, 'Logs', { retention: logs.RetentionDays.THREE_MONTHS });
    const common = {
      // Newest Node.js runtime (cdk-nag L1); the bundle targets node22 syntax, which it runs unchanged.
      runtime: lambda.Runtime.NODEJS_24_X,
      architecture: lambda.Architecture.ARM_64,
      tracing: lambda.Tracing.ACTIVE,
      logGroup: this.logGroup,
      loggingFormat: lambda.LoggingFormat.JSON,
      memorySize: props.memorySize ?? 512,
      timeout: props.timeout ?? Duration.minutes(1),
      description: `driftwatch ${props.name} (${props.entry})`,
      environment: {
        POWERTOOLS_SERVICE_NAME: 'driftwatch',
        NODE_OPTIONS: '--enable-source-maps',
        ...props.environment,
      },
      ...(props.reservedConcurrentExecutions
        ? { reservedConcurrentExecutions: props.reservedConcurrentExecutions }
        : {}),
    };
    this.fn = props.bundle
      ? new NodejsFunction(this, 'Function', {
          ...common,
          entry: join(props.repoRoot, props.entry),
          handler: 'handler',
          projectRoot: props.repoRoot,
          depsLockFilePath: join(props.repoRoot, 'package-lock.json'),
          bundling: {
            ...LAMBDA_BUNDLING,
            mainFields: [...LAMBDA_BUNDLING.mainFields],
            externalModules: [...LAMBDA_BUNDLING.externalModules],
            format: OutputFormat.ESM,
            ...(props.define ? { define: props.define } : {}),
            forceDockerBundling: false,
          },
        })
      : new lambda.Function(this, 'Function', {
          ...common,
          // Stand-in for synth without bundling (tests, handlers not written yet): same shape, no code.
          code: lambda.Code.fromInline(
            `exports.handler = async () => { throw new Error('${props.name}: not bundled'); };`,
          ),
          handler: 'index.handler',
        });
    (this.fn.node.defaultChild as lambda.CfnFunction).addMetadata(FUNCTION_NAME_METADATA, props.name);
    this.suppressNag();
  }

  private suppressNag(): void {
    acknowledge(this.fn, [
      {
        id: 'AwsSolutions-IAM4',
        reason:
          'AWSLambdaBasicExecutionRole only lets the function write its own logs; the CDK default for Lambda execution roles.',
        appliesTo: ['Policy::arn:<AWS::Partition>:iam::aws:policy/service-role/AWSLambdaBasicExecutionRole'],
      },
      {
        id: 'AwsSolutions-IAM5',
        reason:
          'X-Ray PutTraceSegments/PutTelemetryRecords have no resource-level permissions (Resource must be *).',
        appliesTo: ['Resource::*'],
      },
    ]);
  }
}

/** The nag finding id of the `<function ARN>:*` resource a Step Functions Lambda task grants (any version). */
export function functionVersionsFinding(fn: lambda.IFunction): string {
  const cfn = fn.node.defaultChild as CfnElement;
  return `Resource::<${Stack.of(fn).getLogicalId(cfn)}.Arn>:*`;
}
