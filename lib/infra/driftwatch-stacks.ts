import { type Environment, Tags, Validations } from 'aws-cdk-lib';
import { AwsSolutionsChecks } from 'cdk-nag';
import type { Construct } from 'constructs';
import { ApiStack } from './api-stack.ts';
import { MemberAccountStack } from './member-account-stack.ts';
import type { InfraConfig, InfraOptions } from './props.ts';
import { RemediationStack } from './remediation-stack.ts';
import { ScannerStack } from './scanner-stack.ts';
import { StatefulStack } from './stateful-stack.ts';

export interface DriftwatchStacks {
  stateful: StatefulStack;
  scanner: ScannerStack;
  remediation: RemediationStack;
  api: ApiStack;
  member?: MemberAccountStack;
}

/** Every driftwatch stack in `scope`, wired together, with cdk-nag AwsSolutions checks on all of them. */
export function createDriftwatchStacks(
  scope: Construct,
  config: InfraConfig,
  options: InfraOptions,
  env: Environment = {},
): DriftwatchStacks {
  const stateful = new StatefulStack(scope, 'DriftwatchStateful', {
    env,
    description: 'driftwatch data (retained)',
  });
  const shared = {
    dataKeyArn: stateful.dataKey.keyArn,
    bus: stateful.bus,
    hashKey: stateful.hashKey,
  };
  const scanner = new ScannerStack(scope, 'DriftwatchScanner', {
    env,
    description: 'driftwatch scan workflow',
    shared,
    config,
    options,
  });
  const remediation = new RemediationStack(scope, 'DriftwatchRemediation', {
    env,
    description: 'driftwatch remediation workflow and alerts',
    shared,
    config,
    options,
  });
  const api = new ApiStack(scope, 'DriftwatchApi', {
    env,
    description: 'driftwatch query API and dashboard',
    shared,
    scanStateMachine: scanner.stateMachine,
    remediationStateMachine: remediation.stateMachine,
    options,
  });
  // Grants use fixed names, not tokens: the deploy order must be explicit.
  for (const s of [scanner, remediation, api]) s.addStackDependency(stateful);
  const stacks: DriftwatchStacks = { stateful, scanner, remediation, api };
  if (config.memberRoles.length) {
    // No env: the template must stay account-agnostic to deploy as a StackSet.
    stacks.member = new MemberAccountStack(scope, 'DriftwatchMemberRole', {
      description: 'driftwatch read-only role for member accounts (StackSet template)',
      roles: config.memberRoles,
      stateBuckets: config.stateBuckets,
      ...(options.scannerAccount ? { scannerAccount: options.scannerAccount } : {}),
    });
  }
  Tags.of(scope).add('app', 'driftwatch');
  // cdk-nag v3 is a policy-validation plugin: synth fails on any unacknowledged finding.
  if (options.nag !== false)
    Validations.of(scope).addPlugins(new AwsSolutionsChecks(scope, { verbose: true }));
  return stacks;
}
