import {
  type CloudControlClient,
  GetResourceCommand,
  type GetResourceCommandOutput,
  ListResourcesCommand,
  type ListResourcesCommandOutput,
} from '@aws-sdk/client-cloudcontrol';
import { scopeKey } from '../../../core/model/coverage.ts';
import type { LiveResource } from '../../../core/model/live-resource.ts';
import { isPlainObject, str, tryParseJson } from '../../shared/inventory-formats/values.ts';
import type { AwsClients } from './clients.ts';
import { ScopeFailure } from './failure.ts';

/**
 * Lists one CloudFormation type through Cloud Control (ListResources, NextToken paging). A list
 * handler may return only the primary identifier; such resources are read again with GetResource.
 */
export async function listCloudControl(
  clients: AwsClients,
  client: CloudControlClient,
  typeName: string,
  account: string,
  region: string,
): Promise<LiveResource[]> {
  const scope = scopeKey.aws(account, region);
  const source = `cloudcontrol:${account}:${region}`;
  const out: LiveResource[] = [];
  let token: string | undefined;
  do {
    const page = await clients.send<ListResourcesCommandOutput>(
      'cloudcontrol',
      client,
      new ListResourcesCommand({ TypeName: typeName, ...(token ? { NextToken: token } : {}) }),
    );
    for (const d of page.ResourceDescriptions ?? []) {
      if (!d.Identifier) continue;
      let props = parseProperties(d.Properties, typeName, d.Identifier);
      if (identifierOnly(props, d.Identifier)) {
        const full = await clients.send<GetResourceCommandOutput>(
          'cloudcontrol',
          client,
          new GetResourceCommand({ TypeName: typeName, Identifier: d.Identifier }),
        );
        props = parseProperties(full.ResourceDescription?.Properties, typeName, d.Identifier);
      }
      out.push(toLive(typeName, d.Identifier, props, scope, source));
    }
    token = page.NextToken || undefined;
  } while (token);
  return out;
}

function parseProperties(raw: string | undefined, typeName: string, id: string): Record<string, unknown> {
  if (raw === undefined || raw === '') return {};
  const parsed = tryParseJson(raw);
  if (!parsed || !isPlainObject(parsed.value))
    throw new ScopeFailure(`cloudcontrol ${typeName} ${id}: Properties is not a JSON object`);
  return parsed.value;
}

// The identifier is the primary-identifier values joined by `|`: properties that hold only those
// values are the identifier alone, not the resource's model.
function identifierOnly(props: Record<string, unknown>, identifier: string): boolean {
  const parts = new Set(identifier.split('|'));
  const values = Object.values(props);
  return values.length === 0 || values.every((v) => typeof v === 'string' && parts.has(v));
}

function toLive(
  typeName: string,
  identifier: string,
  props: Record<string, unknown>,
  scope: string,
  source: string,
): LiveResource {
  const arn = str(props.Arn);
  return {
    provider: 'aws',
    nativeType: typeName,
    id: arn ?? identifier,
    ids: arn && arn !== identifier ? [arn, identifier] : [identifier],
    name: null,
    scope,
    attributes: props,
    tags: tagsOf(props.Tags),
    capturedAt: null,
    source,
  };
}

// CloudFormation schemas spell tags [{Key, Value}] (most types) or a {key: value} map (a few).
function tagsOf(raw: unknown): Record<string, string> | null {
  if (raw === undefined) return null;
  const out: Record<string, string> = {};
  if (Array.isArray(raw)) {
    for (const t of raw)
      if (isPlainObject(t) && typeof t.Key === 'string') out[t.Key] = String(t.Value ?? '');
    return out;
  }
  if (isPlainObject(raw)) for (const [k, v] of Object.entries(raw)) if (typeof v === 'string') out[k] = v;
  return out;
}
