import { createHmac } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { compareResource } from '../../../../lib/core/diff/compare.ts';
import type { ResourceMapping } from '../../../../lib/core/mapping/types.ts';
import type { AttributeChange } from '../../../../lib/core/model/drift.ts';
import { k8sDisplayId, k8sKey } from '../../../../lib/core/model/identity.ts';
import type { LiveResource } from '../../../../lib/core/model/live-resource.ts';
import type { SensitiveHasher } from '../../../../lib/core/model/sensitive.ts';
import type { StateResource } from '../../../../lib/core/model/state-resource.ts';

const DIR = join(import.meta.dirname, '../../../fixtures/mappings/kubernetes');

export const hasher: SensitiveHasher = (s) => createHmac('sha256', 'test-key').update(s).digest('hex');

/** A fixture file, parsed; a fresh copy on every call so tests can mutate it. */
export function fixture<T = Record<string, unknown>>(name: string): T {
  return JSON.parse(readFileSync(join(DIR, name), 'utf8')) as T;
}

/** A kubectl object as the Kubernetes inventory reader emits it. */
export function liveOf(obj: Record<string, unknown>): LiveResource {
  const meta = obj.metadata as { name: string; namespace?: string; labels?: Record<string, string> };
  return {
    provider: 'kubernetes',
    nativeType: `${obj.apiVersion}/${obj.kind}`,
    id: k8sDisplayId(meta.namespace, meta.name),
    ids: [k8sKey(obj.apiVersion as string, obj.kind as string, meta.namespace, meta.name)],
    name: meta.name,
    scope: 'kubernetes:prod',
    attributes: obj,
    tags: meta.labels ?? {},
    capturedAt: null,
    source: 'live.json',
  };
}

interface StateFixture {
  type: string;
  name: string;
  provider: string;
  instances: { attributes: Record<string, unknown> }[];
}

/** The first instance of a tfstate `resources[]` entry as a StateResource. */
export function stateOf(res: StateFixture, attributes = res.instances[0]!.attributes): StateResource {
  return {
    source: 'terraform.tfstate',
    address: `${res.type}.${res.name}`,
    mode: 'managed',
    type: res.type,
    name: res.name,
    module: null,
    index: null,
    provider: res.provider,
    cloud: 'kubernetes',
    id: typeof attributes.id === 'string' ? attributes.id : null,
    attributes,
  };
}

/** Attribute changes the mapping finds between a state resource and a live object. */
export function changes(mapping: ResourceMapping, res: StateResource, live: LiveResource): AttributeChange[] {
  return compareResource(mapping, res, live, { hasher });
}

/** Sets a dot path (or a list of segments, for keys with dots) in plain JSON (test mutation helper). */
export function setPath(obj: unknown, path: string | string[], value: unknown): void {
  const segs = Array.isArray(path) ? path : path.split('.');
  let cur = obj as Record<string, unknown>;
  for (const s of segs.slice(0, -1)) cur = cur[s] as Record<string, unknown>;
  cur[segs.at(-1)!] = value;
}
