import { createHmac } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { compareResource } from '../../../../lib/core/diff/compare.ts';
import type { ResourceMapping } from '../../../../lib/core/mapping/types.ts';
import type { AttributeChange } from '../../../../lib/core/model/drift.ts';
import type { LiveResource } from '../../../../lib/core/model/live-resource.ts';
import type { StateResource } from '../../../../lib/core/model/state-resource.ts';

const FIXTURES = join(import.meta.dirname, '../../../fixtures/mappings/aws');

export const hasher = (s: string) =>
  `hmac:${createHmac('sha256', 'test-key').update(s).digest('hex').slice(0, 16)}`;

/** Reads a fixture as JSON. */
export function fixture<T = Record<string, unknown>>(name: string): T {
  return JSON.parse(readFileSync(join(FIXTURES, name), 'utf8')) as T;
}

interface TfStateResource {
  mode: 'managed' | 'data';
  type: string;
  name: string;
  provider: string;
  instances: { schema_version?: number; attributes: Record<string, unknown> }[];
}

/** First instance of a v4 tfstate `resources[]` entry as a StateResource. */
export function stateResource(r: TfStateResource, attrs?: Record<string, unknown>): StateResource {
  const inst = r.instances[0]!;
  const attributes = attrs ?? inst.attributes;
  return {
    source: 'test.tfstate',
    address: `${r.type}.${r.name}`,
    mode: r.mode,
    type: r.type,
    name: r.name,
    module: null,
    index: null,
    provider: r.provider,
    cloud: 'aws',
    id: typeof attributes.id === 'string' ? attributes.id : null,
    attributes,
    schemaVersion: inst.schema_version ?? 0,
  };
}

interface ConfigItem {
  resourceType: string;
  resourceId: string;
  resourceName?: string;
  arn?: string;
  awsAccountId?: string;
  accountId?: string;
  awsRegion: string;
  configuration?: unknown;
  supplementaryConfiguration?: Record<string, unknown>;
  tags?: Record<string, string>;
  configurationItemCaptureTime?: string;
}

/** A Config configuration item as the snapshot reader shapes it into a LiveResource. */
export function liveFromConfigItem(item: ConfigItem): LiveResource {
  const conf = typeof item.configuration === 'string' ? JSON.parse(item.configuration) : item.configuration;
  const ids = [item.arn, item.resourceId, item.resourceName].filter((x): x is string => !!x);
  return {
    provider: 'aws',
    nativeType: item.resourceType,
    id: item.arn ?? item.resourceId,
    ids: [...new Set(ids)],
    name: item.resourceName ?? null,
    scope: `aws:${item.awsAccountId ?? item.accountId}:${item.awsRegion}`,
    attributes: conf ?? null,
    tags: item.tags ?? null,
    supplementary: item.supplementaryConfiguration,
    capturedAt: item.configurationItemCaptureTime ?? null,
    source: 'config.json',
  };
}

/** A deep copy with `path` (dot path, numeric list indices) set to `value`. */
export function withPath<T>(obj: T, path: string, value: unknown): T {
  const copy = structuredClone(obj) as Record<string, unknown>;
  const segs = path.split('.');
  let cur: Record<string, unknown> | unknown[] = copy;
  for (const seg of segs.slice(0, -1)) cur = (cur as Record<string, unknown>)[seg] as Record<string, unknown>;
  (cur as Record<string, unknown>)[segs.at(-1)!] = value;
  return copy as T;
}

/** compareResource with the test hasher. */
export function diff(mapping: ResourceMapping, res: StateResource, live: LiveResource): AttributeChange[] {
  return compareResource(mapping, res, live, { hasher });
}
