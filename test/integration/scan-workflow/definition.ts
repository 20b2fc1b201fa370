import { existsSync } from 'node:fs';
import type { DriftwatchConfig } from '../../../lib/core/config/index.ts';

/** An Amazon States Language document (only what these tests touch is typed). */
export type Asl = { StartAt: string; States: Record<string, AslState>; [k: string]: unknown };
export type AslState = { Type: string; [k: string]: unknown };

const LAMBDA_INVOKE = 'arn:aws:states:::lambda:invoke';
const LAMBDA_RETRY = [
  'Lambda.TooManyRequestsException',
  'Lambda.ServiceException',
  'Lambda.SdkClientException',
  'Lambda.AWSLambdaException',
];
const toScanFailed = [{ ErrorEquals: ['States.ALL'], ResultPath: '$.error', Next: 'ScanFailed' }];
const invoke = (fn: string, payload: unknown, rest: Record<string, unknown>): AslState => ({
  Type: 'Task',
  Resource: LAMBDA_INVOKE,
  Parameters: {
    FunctionName: fn,
    ...(typeof payload === 'string' ? { 'Payload.$': payload } : { Payload: payload }),
  },
  OutputPath: '$.Payload',
  ...rest,
});

/**
 * The scan state machine exactly as docs/workflows.md describes it, written by hand: used until
 * the CDK stack's synthesized definition is available (see `scanDefinition`).
 */
export function contractDefinition(opts = { maxConcurrency: 10, toleratedFailurePercentage: 10 }): Asl {
  return {
    StartAt: 'Plan',
    States: {
      Plan: invoke('driftwatch-scan-plan', '$', { Next: 'Shards', Catch: toScanFailed }),
      Shards: {
        Type: 'Map',
        ItemReader: {
          Resource: 'arn:aws:states:::s3:getObject',
          ReaderConfig: { InputType: 'JSONL' },
          Parameters: { 'Bucket.$': '$.manifest.bucket', 'Key.$': '$.manifest.key' },
        },
        MaxConcurrency: opts.maxConcurrency,
        ToleratedFailurePercentage: opts.toleratedFailurePercentage,
        ItemProcessor: {
          ProcessorConfig: { Mode: 'DISTRIBUTED', ExecutionType: 'STANDARD' },
          StartAt: 'ScanShard',
          States: {
            ScanShard: invoke('driftwatch-scan-shard', '$', {
              Retry: [
                {
                  ErrorEquals: LAMBDA_RETRY,
                  IntervalSeconds: 2,
                  MaxAttempts: 3,
                  BackoffRate: 2,
                  JitterStrategy: 'FULL',
                },
              ],
              Catch: [{ ErrorEquals: ['States.ALL'], ResultPath: '$.caught', Next: 'ShardFailed' }],
              End: true,
            }),
            ShardFailed: {
              Type: 'Pass',
              Parameters: {
                'shardId.$': '$.shardId',
                'target.$': '$.target',
                status: 'failed',
                'error.$': '$.caught',
              },
              End: true,
            },
          },
        },
        ResultPath: '$.shards',
        Next: 'Finalize',
        Catch: toScanFailed,
      },
      Finalize: invoke(
        'driftwatch-scan-finalize',
        {
          'scanId.$': '$.scanId',
          'targets.$': '$.targets',
          'startedAt.$': '$.startedAt',
          'manifest.$': '$.manifest',
          'shards.$': '$.shards',
        },
        { End: true, Catch: toScanFailed },
      ),
      ScanFailed: invoke(
        'driftwatch-scan-finalize',
        { 'scanId.$': '$$.Execution.Name', failed: true, 'error.$': '$.error' },
        { Next: 'Fail' },
      ),
      Fail: { Type: 'Fail', Error: 'ScanFailed', Cause: 'the scan failed; see the ScanFailed event' },
    },
  };
}

/**
 * The definition to run: the CDK stack's synthesized one when test/infra/synth.ts exists
 * (synthApp + stateMachineDefinition), else the contract one above. Returns which it used.
 */
export async function scanDefinition(
  config: DriftwatchConfig,
): Promise<{ asl: Asl; source: 'synthesized' | 'contract' }> {
  const synth = new URL('../../infra/synth.ts', import.meta.url);
  if (existsSync(synth)) {
    const m = (await import(synth.href)) as {
      synthApp: (c: DriftwatchConfig, o: { dashboard?: boolean }) => { templates: { scanner: unknown } };
      stateMachineDefinition: (template: unknown, logicalIdPrefix: string) => Asl;
    };
    const { templates } = m.synthApp(config, { dashboard: false });
    return { asl: m.stateMachineDefinition(templates.scanner, 'ScanStateMachine'), source: 'synthesized' };
  }
  return { asl: contractDefinition(), source: 'contract' };
}
