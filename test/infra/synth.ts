import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { App, type Stack } from 'aws-cdk-lib';
import { Template } from 'aws-cdk-lib/assertions';
import { AwsSolutionsChecks } from 'cdk-nag';
import { dashboardFiles, REPO_ROOT, toInfraConfig } from '../../bin/driftwatch-app.ts';
import { loadConfigFile } from '../../lib/cli/config-file.ts';
import type { DriftwatchConfig } from '../../lib/core/config/index.ts';
import {
  createDriftwatchStacks,
  type DriftwatchStacks,
  FUNCTION_NAME_METADATA,
} from '../../lib/infra/index.ts';

export const PLACEHOLDER = { partition: 'aws', region: 'us-east-1', account: '123456789012' } as const;

export interface SynthOptions {
  auth?: 'iam' | 'cognito';
  dashboard?: boolean;
  /** Real esbuild bundles instead of inline stand-ins (slow; the handlers must exist). */
  bundle?: boolean;
}

export interface SynthResult {
  app: App;
  stacks: DriftwatchStacks;
  templates: Record<'stateful' | 'scanner' | 'remediation' | 'api', Template> & { member?: Template };
}

/** The feature flags cdk.json sets, so tests synthesize what `cdk synth` does. */
function cdkContext(): Record<string, unknown> {
  return JSON.parse(readFileSync(join(REPO_ROOT, 'cdk.json'), 'utf8')).context;
}

/** examples/driftwatch.config.yaml, validated: the config `cdk synth` uses by default. */
export function exampleConfig(): DriftwatchConfig {
  return loadConfigFile('examples/driftwatch.config.yaml', REPO_ROOT).config;
}

/** Synthesizes every stack for a config (no bundling, no nag plugin unless asked) and their templates. */
export function synthApp(config: DriftwatchConfig, opts: SynthOptions = {}): SynthResult {
  const app = new App({ context: cdkContext() });
  const stacks = createDriftwatchStacks(app, toInfraConfig(config), {
    repoRoot: REPO_ROOT,
    bundle: opts.bundle ?? false,
    auth: opts.auth ?? 'iam',
    shardReservedConcurrency: config.scan.maxConcurrency * 2,
    scannerAccount: PLACEHOLDER.account,
    nag: false,
    ...(opts.dashboard === false ? {} : { dashboard: dashboardFiles() }),
  });
  const templates: SynthResult['templates'] = {
    stateful: Template.fromStack(stacks.stateful),
    scanner: Template.fromStack(stacks.scanner),
    remediation: Template.fromStack(stacks.remediation),
    api: Template.fromStack(stacks.api),
    ...(stacks.member ? { member: Template.fromStack(stacks.member) } : {}),
  };
  return { app, stacks, templates };
}

/** Unacknowledged cdk-nag AwsSolutions findings of one stack, as `rule resource-path` lines. */
export function nagFindings(stack: Stack): string[] {
  const report = new AwsSolutionsChecks(stack).validateScope(stack);
  return report.violations.flatMap((v) =>
    v.violatingResources.map((r) => `${v.ruleName} ${r.resourceLogicalId} ${r.templatePath}`),
  );
}

/** Untyped JSON (ASL, CloudFormation): tests reach into it freely. */
// biome-ignore lint/suspicious/noExplicitAny: synthesized JSON has no static type
export type Json = any;

/**
 * The ASL of the state machine whose logical id starts with `logicalIdPrefix`, as a plain object:
 * Lambda ARN tokens become `arn:aws:lambda:us-east-1:123456789012:function:<Name>` (the name from
 * the function's `driftwatch:function` metadata, e.g. ScanShard), pseudo parameters placeholders.
 */
export function stateMachineDefinition(template: Template, logicalIdPrefix: string): Json {
  const json = template.toJSON() as {
    Resources: Record<string, { Type: string; Properties?: Json; Metadata?: Json }>;
  };
  const names = new Map<string, string>();
  for (const [id, r] of Object.entries(json.Resources)) {
    const name = r.Metadata?.[FUNCTION_NAME_METADATA];
    if (r.Type === 'AWS::Lambda::Function' && typeof name === 'string') names.set(id, name);
  }
  const machines = Object.entries(json.Resources).filter(
    ([id, r]) => r.Type === 'AWS::StepFunctions::StateMachine' && id.startsWith(logicalIdPrefix),
  );
  if (machines.length !== 1) throw new Error(`${machines.length} state machines match ${logicalIdPrefix}`);
  const definition = machines[0]![1].Properties.DefinitionString;
  return JSON.parse(resolveToken(definition, names));
}

const PSEUDO: Record<string, string> = {
  'AWS::Partition': PLACEHOLDER.partition,
  'AWS::Region': PLACEHOLDER.region,
  'AWS::AccountId': PLACEHOLDER.account,
  'AWS::URLSuffix': 'amazonaws.com',
};

function resolveToken(value: Json, names: Map<string, string>): string {
  if (typeof value === 'string') return value;
  if (value['Fn::Join']) {
    const [sep, parts] = value['Fn::Join'] as [string, unknown[]];
    return parts.map((p) => resolveToken(p, names)).join(sep);
  }
  if (value['Fn::GetAtt']) {
    const [id, attr] = value['Fn::GetAtt'] as [string, string];
    const name = names.get(id);
    if (name && attr === 'Arn')
      return `arn:aws:lambda:${PLACEHOLDER.region}:${PLACEHOLDER.account}:function:${name}`;
    return `${id}.${attr}`;
  }
  if (value.Ref) return PSEUDO[value.Ref] ?? value.Ref;
  if (value['Fn::ImportValue']) return `imported:${JSON.stringify(value['Fn::ImportValue'])}`;
  throw new Error(`unresolvable token in definition: ${JSON.stringify(value)}`);
}
