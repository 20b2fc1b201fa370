/**
 * Plain values the stacks are built from. bin/driftwatch-app.ts derives them from the validated
 * driftwatch.config.yaml (lib/infra may not import lib/core), so every field here is data.
 */
export type InfraSeverity = 'low' | 'medium' | 'high' | 'critical';

/** Severities at or above `min`, in rank order (EventBridge matches a list of values). */
export function severitiesFrom(min: InfraSeverity): InfraSeverity[] {
  const all: InfraSeverity[] = ['low', 'medium', 'high', 'critical'];
  return all.slice(all.indexOf(min));
}

export interface InfraRoute {
  minSeverity: InfraSeverity;
  categories: string[];
  targets: string[];
  /** SNS topic ARNs (`stdout` entries are dropped by the app). */
  destinations: string[];
}

export interface InfraConfig {
  /** The validated config as JSON: the DRIFTWATCH_CONFIG environment variable of every scanner Lambda. */
  configJson: string;
  defaultSchedule: string;
  /** One EventBridge schedule each (schedule ?? defaultSchedule). */
  targets: { name: string; schedule?: string }[];
  scan: { maxConcurrency: number; toleratedFailurePercentage: number };
  remediation: {
    enabled: boolean;
    minSeverity: InfraSeverity;
    categories: string[];
    targets: string[];
    approvalTimeoutHours: number;
    executor?: string;
    dryRun?: boolean;
    /** CodeBuild project the terraform-pipeline executor starts. */
    pipelineProject?: string;
  };
  severityRouting: InfraRoute[];
  /** IAM role ARN patterns the scanner may assume (`arn:aws:iam::*:role/<name>`). */
  memberRoleArns: string[];
  /** Role names to create in member accounts (MemberAccountStack), with their ExternalId when set. */
  memberRoles: { roleName: string; externalId?: string }[];
  /** Bucket names of s3:// state locations (read by the scanner and by the member role). */
  stateBuckets: string[];
}

/** Deployment switches that are not part of driftwatch.config.yaml (CDK context). */
export interface InfraOptions {
  /** Absolute path of the repository root: NodejsFunction entries are relative to it. */
  repoRoot: string;
  /** false = inline stand-in code instead of esbuild bundles (tests, or handlers not written yet). */
  bundle: boolean;
  /** API authorization: IAM (default) or a Cognito user pool authorizer. */
  auth: 'iam' | 'cognito';
  /** Dashboard files to publish behind CloudFront; undefined = no dashboard. */
  dashboard?: DashboardFiles;
  /** Reserved concurrency of the shard Lambda; 0 = none (accounts with a small concurrency quota). */
  shardReservedConcurrency: number;
  /** Run cdk-nag AwsSolutionsChecks as a synth-time validation plugin (default true). */
  nag?: boolean;
  /** Account the scanner runs in (trusted by member roles); undefined = the deploying account. */
  scannerAccount?: string;
}

/** The dashboard as deployable files: the static folder and the vendored ES modules (already rewritten). */
export interface DashboardFiles {
  staticDir: string;
  /** S3 key under `ui/` → file text (the preact/htm modules the local server serves under /ui/vendor). */
  vendor: Record<string, string>;
}
