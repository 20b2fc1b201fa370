import { getPath, isPlainObject } from '../../core/diff/path.ts';
import type { ResourceMapping } from '../../core/mapping/types.ts';
import { ABSENT } from '../../core/model/live-resource.ts';
import { attr, awsScope, conf, confIfRecorded, identitiesFrom, suppAt, tagsRule } from './common.ts';
import { kmsKeyRef } from './kms-key-ref.ts';

/**
 * aws_lambda_function ↔ AWS::Lambda::Function (resourceId = function name). Environment values
 * the state marked sensitive are compared by keyed hash only.
 */
export const awsLambdaFunction: ResourceMapping = {
  provider: 'aws',
  terraformTypes: ['aws_lambda_function'],
  nativeTypes: ['AWS::Lambda::Function'],
  identities: (res) => identitiesFrom(attr(res, 'arn'), attr(res, 'function_name'), res.id),
  scope: (res) => awsScope(res),
  attributes: [
    tagsRule,
    { path: 'runtime', actual: conf('runtime') },
    { path: 'handler', actual: conf('handler') },
    { path: 'memory_size', actual: conf('memorySize') },
    { path: 'timeout', actual: conf('timeout') },
    { path: 'role', actual: conf('role') },
    { path: 'description', actual: conf('description') },
    { path: 'package_type', actual: confIfRecorded('packageType') },
    { path: 'architectures', actual: confIfRecorded('architectures') },
    { path: 'kms_key_arn', actual: conf('kmskeyArn', 'kMSKeyArn', 'kmsKeyArn'), normalize: [kmsKeyRef] },
    { path: 'tracing_config.0.mode', actual: confIfRecorded('tracingConfig.mode') },
    { path: 'ephemeral_storage.0.size', actual: confIfRecorded('ephemeralStorage.size') },
    { path: 'vpc_config.0.subnet_ids', actual: conf('vpcConfig.subnetIds'), compare: 'set' },
    { path: 'vpc_config.0.security_group_ids', actual: conf('vpcConfig.securityGroupIds'), compare: 'set' },
    {
      path: 'environment.0.variables',
      // A state that carries the block (even `environment = []`) declares the full variable set, so a
      // variable added by hand to a function without one is drift. Older states without it: skipped.
      desired: (res) => {
        const env = res.attributes.environment;
        if (env === undefined) return undefined;
        return getPath(res.attributes, 'environment.0.variables') ?? {};
      },
      // An item without an `environment` key does not say the function has none.
      actual: (live) => {
        if (live.attributes === null || !('environment' in live.attributes)) return ABSENT;
        return conf('environment.variables')(live) ?? null;
      },
      compare: 'map',
      skipUnsetDesired: false,
    },
    {
      // Layer ARNs carry the version; their order is the order Lambda merges them in.
      path: 'layers',
      actual: (live) => {
        const layers = confIfRecorded('layers')(live);
        if (!Array.isArray(layers)) return layers;
        return layers.map((l) => (isPlainObject(l) ? l.arn : l));
      },
    },
    {
      path: 'reserved_concurrent_executions',
      // -1 in Terraform = no reservation = no Concurrency document value.
      desired: (res) => {
        const v = res.attributes.reserved_concurrent_executions;
        return v === -1 || v === '-1' ? undefined : v;
      },
      actual: suppAt('Concurrency', 'reservedConcurrentExecutions'),
    },
  ],
};
