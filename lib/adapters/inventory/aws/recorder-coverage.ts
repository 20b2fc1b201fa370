import {
  type ConfigServiceClient,
  type ConfigurationRecorder,
  type ConfigurationRecorderStatus,
  DescribeConfigurationRecorderStatusCommand,
  type DescribeConfigurationRecorderStatusCommandOutput,
  DescribeConfigurationRecordersCommand,
  type DescribeConfigurationRecordersCommandOutput,
} from '@aws-sdk/client-config-service';
import { TYPE_MAP_AWS } from '../../../mappings/generated/type-map-aws.ts';
import type { AwsClients } from './clients.ts';

/** IAM types Config records once per account with awsRegion `global`, where global recording is on. */
export const GLOBAL_TYPES: readonly string[] = [
  'AWS::IAM::Group',
  'AWS::IAM::Policy',
  'AWS::IAM::Role',
  'AWS::IAM::User',
];

let configTypes: string[] | undefined;
/**
 * Native types AWS Config records (type map rows with inventory `config`). Used instead of '*': the
 * type map also names ~1,300 CloudFormation types only Cloud Control lists, and '*' would make the
 * engine report those missing in every scope where Config records "all supported" types.
 */
export function configRecordableTypes(): readonly string[] {
  configTypes ??= [
    ...new Set(TYPE_MAP_AWS.filter((r) => r.inventory.startsWith('config')).map((r) => r.nativeType)),
  ].sort();
  return configTypes;
}

/** What the recorders of one account+region record: regional types, global (IAM) types, or why nothing. */
export type RecorderCoverage =
  | { recording: true; regional: string[]; global: string[] }
  | { recording: false; reason: string };

/** Reads the recorders and their status in one account+region (two calls). */
export async function recorderCoverage(
  clients: AwsClients,
  client: ConfigServiceClient,
  scope: string,
): Promise<RecorderCoverage> {
  const [recorders, statuses] = await Promise.all([
    clients.send<DescribeConfigurationRecordersCommandOutput>(
      'config',
      client,
      new DescribeConfigurationRecordersCommand({}),
    ),
    clients.send<DescribeConfigurationRecorderStatusCommandOutput>(
      'config',
      client,
      new DescribeConfigurationRecorderStatusCommand({}),
    ),
  ]);
  return coverageFromRecorders(
    recorders.ConfigurationRecorders ?? [],
    statuses.ConfigurationRecordersStatus ?? [],
    scope,
  );
}

/**
 * Pure part: the customer-managed recorders that are recording, and the union of what they record.
 * Service-linked recorders (recordingScope INTERNAL) serve one AWS service and are not counted.
 */
export function coverageFromRecorders(
  recorders: readonly ConfigurationRecorder[],
  statuses: readonly ConfigurationRecorderStatus[],
  scope: string,
): RecorderCoverage {
  const own = recorders.filter((r) => r.recordingScope !== 'INTERNAL' && !r.servicePrincipal);
  if (own.length === 0)
    return {
      recording: false,
      reason: `AWS Config is not recording in ${scope} (no configuration recorder)`,
    };
  const regional = new Set<string>();
  const global = new Set<string>();
  for (const r of own) {
    const status = statuses.find((s) => s.name === r.name);
    if (!status?.recording)
      return {
        recording: false,
        reason: `AWS Config is not recording in ${scope} (recorder ${r.name} is stopped)`,
      };
    // A recorder whose last recording failed has gaps we cannot see: treat the scope as unread.
    if (status.lastStatus === 'Failure')
      return {
        recording: false,
        reason: `AWS Config is not recording in ${scope} (recorder ${r.name} last status Failure${status.lastErrorCode ? `: ${status.lastErrorCode}` : ''})`,
      };
    for (const t of recordedTypes(r)) (GLOBAL_TYPES.includes(t) ? global : regional).add(t);
  }
  return { recording: true, regional: [...regional].sort(), global: [...global].sort() };
}

// ALL_SUPPORTED: every recordable type (IAM only with includeGlobalResourceTypes). INCLUSION: the
// list. EXCLUSION: every recordable type we know of minus the excluded ones; a type Config records
// but the type map does not know has no mapping either, so leaving it out loses nothing.
function recordedTypes(r: ConfigurationRecorder): string[] {
  const g = r.recordingGroup;
  const strategy = g?.recordingStrategy?.useOnly;
  if (strategy === 'INCLUSION_BY_RESOURCE_TYPES' || (!strategy && g && g.allSupported === false))
    return [...(g?.resourceTypes ?? [])];
  if (strategy === 'EXCLUSION_BY_RESOURCE_TYPES') {
    const excluded = new Set<string>(g?.exclusionByResourceTypes?.resourceTypes ?? []);
    return configRecordableTypes().filter((t) => !excluded.has(t));
  }
  const withGlobal = g?.includeGlobalResourceTypes === true;
  return configRecordableTypes().filter((t) => withGlobal || !GLOBAL_TYPES.includes(t));
}
