import type { LiveResource } from '../../../core/model/live-resource.ts';
import type { AwsClients } from './clients.ts';
import { listCloudControl } from './cloud-control.ts';
import { describeFailure } from './failure.ts';
import type { AwsCredentials } from './options.ts';

/** Cloud Control listing of the configured types in one scope: what was listed, and the first failure. */
export interface CloudControlOutcome {
  resources: LiveResource[];
  /** Types listed completely: their coverage evidence. */
  listed: string[];
  failure?: string;
}

/** Lists every `cloudControlTypes` entry in one account+region; a failed type does not stop the others. */
export async function readCloudControlTypes(
  clients: AwsClients,
  types: readonly string[],
  credentials: AwsCredentials | undefined,
  account: string,
  region: string,
): Promise<CloudControlOutcome> {
  const out: CloudControlOutcome = { resources: [], listed: [] };
  if (types.length === 0) return out;
  const client = clients.cloudControl(region, account, credentials);
  const results = await Promise.allSettled(
    types.map((t) => listCloudControl(clients, client, t, account, region)),
  );
  results.forEach((r, i) => {
    const type = types[i]!;
    if (r.status === 'fulfilled') {
      out.listed.push(type);
      for (const res of r.value) out.resources.push(res);
    } else {
      out.failure ??= describeFailure(
        `cloudcontrol:ListResources ${type} in aws:${account}:${region}`,
        r.reason,
      );
    }
  });
  return out;
}
