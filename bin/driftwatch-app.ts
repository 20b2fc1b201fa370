#!/usr/bin/env node
// The CDK app: reads and validates driftwatch.config.yaml, then builds the stacks from plain values.
import { existsSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { App } from 'aws-cdk-lib';
import { loadConfigFile } from '../lib/cli/config-file.ts';
import type { DriftwatchConfig } from '../lib/core/config/index.ts';
import { DriftwatchError, UsageError } from '../lib/core/model/errors.ts';
import { dashboardAssets, readAsset } from '../lib/dashboard/assets.ts';
import {
  createDriftwatchStacks,
  type DashboardFiles,
  type InfraConfig,
  type InfraOptions,
} from '../lib/infra/index.ts';

export const REPO_ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..');

/** Lambda caps all environment variables of a function at 4 KB; DRIFTWATCH_CONFIG shares that. */
const MAX_CONFIG_JSON = 3072;

/** Handlers the stacks bundle; a missing one fails synth unless bundling is off. */
export const HANDLER_ENTRIES = [
  'functions/api/handler.ts',
  'functions/scan-plan/handler.ts',
  'functions/scan-shard/handler.ts',
  'functions/scan-finalize/handler.ts',
  'functions/remediation-plan/handler.ts',
  'functions/remediation-approval/handler.ts',
  'functions/remediation-execute/handler.ts',
  'functions/remediation-verify/handler.ts',
  'functions/remediation-record/handler.ts',
];

/** The plain values lib/infra builds from (it may not import lib/core). */
export function toInfraConfig(config: DriftwatchConfig): InfraConfig {
  const configJson = JSON.stringify(config);
  if (configJson.length > MAX_CONFIG_JSON) {
    throw new UsageError(
      `config is ${configJson.length} bytes as JSON; Lambda environment variables allow about ${MAX_CONFIG_JSON}`,
    );
  }
  const memberRoleArns = new Set<string>();
  const memberRoles = new Map<string, string | undefined>();
  const stateBuckets = new Set<string>();
  for (const t of config.targets) {
    for (const s of t.state) {
      const location = typeof s === 'string' ? s : s.location;
      const bucket = /^s3:\/\/([^/]+)/.exec(location)?.[1];
      if (bucket) stateBuckets.add(bucket);
    }
    if (t.provider !== 'aws' || !t.scopes?.assumeRole) continue;
    const role = t.scopes.assumeRole;
    if (role.roleName) {
      memberRoleArns.add(`arn:aws:iam::*:role/${role.roleName}`);
      if (!memberRoles.has(role.roleName)) memberRoles.set(role.roleName, role.externalId);
    } else if (role.roleArnTemplate) {
      memberRoleArns.add(role.roleArnTemplate.replace('{account}', '*'));
    }
  }
  return {
    configJson,
    defaultSchedule: config.defaultSchedule,
    targets: config.targets.map((t) => ({ name: t.name, ...(t.schedule ? { schedule: t.schedule } : {}) })),
    scan: { ...config.scan },
    remediation: {
      enabled: config.remediation.enabled,
      minSeverity: config.remediation.minSeverity,
      categories: config.remediation.categories,
      targets: config.remediation.targets,
      approvalTimeoutHours: config.remediation.approvalTimeoutHours,
      executor: config.remediation.executor,
      dryRun: config.remediation.dryRun,
      ...(config.remediation.pipelineProject ? { pipelineProject: config.remediation.pipelineProject } : {}),
    },
    severityRouting: config.severityRouting.map((r) => ({
      minSeverity: r.minSeverity,
      categories: r.categories,
      targets: r.targets,
      destinations: r.destinations.filter((d) => d !== 'stdout'),
    })),
    memberRoleArns: [...memberRoleArns],
    memberRoles: [...memberRoles].map(([roleName, externalId]) => ({
      roleName,
      ...(externalId ? { externalId } : {}),
    })),
    stateBuckets: [...stateBuckets],
  };
}

/** The dashboard as the local server serves it: static folder + rewritten vendor modules. */
export function dashboardFiles(): DashboardFiles {
  const vendor: Record<string, string> = {};
  for (const [url, asset] of dashboardAssets()) {
    if (url.startsWith('/ui/vendor/')) vendor[url.slice('/ui/'.length)] = readAsset(asset);
  }
  return { staticDir: join(REPO_ROOT, 'lib/dashboard/static'), vendor };
}

/** Config file from context `configFile`, else ./driftwatch.config.yaml, else the example. */
export function configPath(fromContext: unknown): string {
  if (typeof fromContext === 'string' && fromContext) return fromContext;
  return existsSync('driftwatch.config.yaml') ? 'driftwatch.config.yaml' : 'examples/driftwatch.config.yaml';
}

const flag = (v: unknown, fallback: boolean) =>
  v === undefined ? fallback : v === true || String(v).toLowerCase() === 'true';

function main(): void {
  const app = new App();
  const ctx = (k: string) => app.node.tryGetContext(k);
  const { config } = loadConfigFile(configPath(ctx('configFile')), process.cwd());
  const bundle = flag(ctx('bundle'), process.env.DRIFTWATCH_SKIP_BUNDLING !== '1');
  if (bundle) {
    const missing = HANDLER_ENTRIES.filter((e) => !existsSync(join(REPO_ROOT, e)));
    if (missing.length)
      throw new UsageError(
        `handler not found: ${missing.join(', ')} (synth with -c bundle=false for stand-ins)`,
      );
  }
  const auth = ctx('auth') ?? 'iam';
  if (auth !== 'iam' && auth !== 'cognito')
    throw new UsageError(`context auth must be iam or cognito, not ${auth}`);
  const account = process.env.CDK_DEFAULT_ACCOUNT;
  const options: InfraOptions = {
    repoRoot: REPO_ROOT,
    bundle,
    auth,
    shardReservedConcurrency: Number(ctx('shardReservedConcurrency') ?? config.scan.maxConcurrency * 2),
    ...(flag(ctx('dashboard'), true) ? { dashboard: dashboardFiles() } : {}),
    ...(ctx('scannerAccount') || account ? { scannerAccount: String(ctx('scannerAccount') ?? account) } : {}),
  };
  const region = process.env.CDK_DEFAULT_REGION;
  createDriftwatchStacks(app, toInfraConfig(config), options, {
    ...(account ? { account } : {}),
    ...(region ? { region } : {}),
  });
  app.synth();
}

if (process.argv[1] && import.meta.url === pathToFileURL(resolve(process.argv[1])).href) {
  try {
    main();
  } catch (err) {
    // One line for a bad config or flag; anything else is a bug and keeps its stack.
    if (!(err instanceof DriftwatchError)) throw err;
    process.stderr.write(`driftwatch-app: ${err.message}\n`);
    process.exit(1);
  }
}
