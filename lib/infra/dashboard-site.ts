import { type CfnElement, Duration, RemovalPolicy, Stack } from 'aws-cdk-lib';
import type * as apigw from 'aws-cdk-lib/aws-apigateway';
import * as cloudfront from 'aws-cdk-lib/aws-cloudfront';
import * as origins from 'aws-cdk-lib/aws-cloudfront-origins';
import * as s3 from 'aws-cdk-lib/aws-s3';
import * as s3deploy from 'aws-cdk-lib/aws-s3-deployment';
import { Construct } from 'constructs';
import { acknowledge, nagPseudo } from './nag.ts';
import type { DashboardFiles } from './props.ts';

/** The same policy the local server sends (lib/dashboard/serve-dashboard.ts DASHBOARD_CSP). */
export const DASHBOARD_CSP =
  "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; connect-src 'self'; " +
  "frame-ancestors 'none'; base-uri 'none'";

/** `/` → `/ui/`, `/ui/` → `/ui/index.html`: S3 has no directory index behind OAC. */
const INDEX_FUNCTION = `function handler(event) {
  var r = event.request;
  if (r.uri === '/') return { statusCode: 302, statusDescription: 'Found', headers: { location: { value: '/ui/' } } };
  if (r.uri === '/ui/' || r.uri === '/ui') r.uri = '/ui/index.html';
  return r;
}`;

export interface DashboardSiteProps {
  api: apigw.RestApi;
  files: DashboardFiles;
}

/**
 * The dashboard's static files in a private bucket read by CloudFront through OAC, and the API on
 * the same distribution (default behaviour), so the page's `connect-src 'self'` reaches the API.
 */
export class DashboardSite extends Construct {
  readonly bucket: s3.Bucket;
  readonly distribution: cloudfront.Distribution;

  constructor(scope: Construct, id: string, props: DashboardSiteProps) {
    super(scope, id);
    this.bucket = new s3.Bucket(this, 'Bucket', {
      encryption: s3.BucketEncryption.S3_MANAGED,
      blockPublicAccess: s3.BlockPublicAccess.BLOCK_ALL,
      enforceSSL: true,
      objectOwnership: s3.ObjectOwnership.BUCKET_OWNER_ENFORCED,
      removalPolicy: RemovalPolicy.DESTROY,
      autoDeleteObjects: false,
    });
    const indexFunction = new cloudfront.Function(this, 'IndexFunction', {
      code: cloudfront.FunctionCode.fromInline(INDEX_FUNCTION),
      runtime: cloudfront.FunctionRuntime.JS_2_0,
    });
    const headers = new cloudfront.ResponseHeadersPolicy(this, 'Headers', {
      securityHeadersBehavior: {
        contentSecurityPolicy: { contentSecurityPolicy: DASHBOARD_CSP, override: true },
        contentTypeOptions: { override: true },
        frameOptions: { frameOption: cloudfront.HeadersFrameOption.DENY, override: true },
        referrerPolicy: { referrerPolicy: cloudfront.HeadersReferrerPolicy.NO_REFERRER, override: true },
        strictTransportSecurity: {
          accessControlMaxAge: Duration.days(365),
          includeSubdomains: true,
          override: true,
        },
      },
    });
    const viewerRequest = [
      { function: indexFunction, eventType: cloudfront.FunctionEventType.VIEWER_REQUEST },
    ];
    this.distribution = new cloudfront.Distribution(this, 'Distribution', {
      comment: 'driftwatch dashboard and API',
      defaultBehavior: {
        // API responses are per-caller: never cached; the Host header must be the API's own.
        origin: new origins.RestApiOrigin(props.api),
        viewerProtocolPolicy: cloudfront.ViewerProtocolPolicy.HTTPS_ONLY,
        allowedMethods: cloudfront.AllowedMethods.ALLOW_ALL,
        cachePolicy: cloudfront.CachePolicy.CACHING_DISABLED,
        originRequestPolicy: cloudfront.OriginRequestPolicy.ALL_VIEWER_EXCEPT_HOST_HEADER,
        responseHeadersPolicy: headers,
        functionAssociations: viewerRequest,
      },
      additionalBehaviors: {
        '/ui/*': {
          origin: origins.S3BucketOrigin.withOriginAccessControl(this.bucket),
          viewerProtocolPolicy: cloudfront.ViewerProtocolPolicy.HTTPS_ONLY,
          cachePolicy: cloudfront.CachePolicy.CACHING_OPTIMIZED,
          responseHeadersPolicy: headers,
          functionAssociations: viewerRequest,
        },
      },
    });

    new s3deploy.BucketDeployment(this, 'Files', {
      destinationBucket: this.bucket,
      destinationKeyPrefix: 'ui/',
      sources: [
        s3deploy.Source.asset(props.files.staticDir),
        ...Object.entries(props.files.vendor).map(([key, text]) => s3deploy.Source.data(key, text)),
      ],
      distribution: this.distribution,
      distributionPaths: ['/ui/*'],
      memoryLimit: 256,
    });
    this.suppressNag();
  }

  private suppressNag(): void {
    acknowledge(this.bucket, [
      {
        id: 'AwsSolutions-S1',
        reason:
          'Public dashboard code only, read solely by CloudFront (OAC); requests are logged at the API stage.',
      },
    ]);
    acknowledge(this.distribution, [
      {
        id: 'AwsSolutions-CFR1',
        reason: 'No geo restriction: operators may sit anywhere; every API call is authenticated.',
      },
      {
        id: 'AwsSolutions-CFR2',
        reason: 'No WAF by default (cost); attach a web ACL per organisation policy.',
      },
      {
        id: 'AwsSolutions-CFR3',
        reason:
          'Standard logs need an ACL-enabled bucket; API calls are access-logged at the API Gateway stage.',
      },
      {
        id: 'AwsSolutions-CFR4',
        reason:
          'The default *.cloudfront.net certificate allows TLSv1; set a custom domain + certificate to enforce TLSv1.2_2021.',
      },
    ]);
    const stack = Stack.of(this);
    // The BucketDeployment provider is a stack-level singleton created by aws-cdk-lib.
    const provider = stack.node.children.find((c) => c.node.id.startsWith('Custom::CDKBucketDeployment'));
    if (!provider) return;
    const pseudo = nagPseudo(stack);
    const bucketId = stack.getLogicalId(this.bucket.node.defaultChild as CfnElement);
    acknowledge(provider, [
      {
        id: 'AwsSolutions-IAM4',
        reason: 'CDK BucketDeployment provider: AWSLambdaBasicExecutionRole for its own logs.',
        appliesTo: ['Policy::arn:<AWS::Partition>:iam::aws:policy/service-role/AWSLambdaBasicExecutionRole'],
      },
      {
        id: 'AwsSolutions-IAM5',
        reason:
          'CDK BucketDeployment provider: reads the CDK asset objects and replaces the dashboard objects; CloudFront invalidation takes no resource ARN.',
        appliesTo: [
          'Action::s3:GetBucket*',
          'Action::s3:GetObject*',
          'Action::s3:List*',
          'Action::s3:Abort*',
          'Action::s3:DeleteObject*',
          `Resource::arn:${pseudo.partition}:s3:::cdk-hnb659fds-assets-${pseudo.account}-${pseudo.region}/*`,
          `Resource::<${bucketId}.Arn>/*`,
          'Resource::*',
        ],
      },
      {
        id: 'AwsSolutions-L1',
        reason: 'The CDK BucketDeployment provider runtime is chosen by aws-cdk-lib.',
      },
    ]);
  }
}
