import type { LiveResource } from '../../lib/core/model/live-resource.ts';
import type { SensitiveHasher } from '../../lib/core/model/sensitive.ts';
import type { StateResource } from '../../lib/core/model/state-resource.ts';

/** Deterministic test hasher: never the plain value, stable across runs. */
export const testHasher: SensitiveHasher = (plain) => {
  let h = 2166136261;
  for (let i = 0; i < plain.length; i++) h = Math.imul(h ^ plain.charCodeAt(i), 16777619);
  return `fnv:${(h >>> 0).toString(16)}`;
};

/** A managed state resource with sensible defaults for engine tests. */
export function stateRes(p: Partial<StateResource> & Pick<StateResource, 'type' | 'name'>): StateResource {
  return {
    source: 'test.tfstate',
    address: p.address ?? `${p.type}.${p.name}`,
    mode: 'managed',
    module: null,
    index: null,
    provider: 'provider["registry.terraform.io/hashicorp/aws"]',
    cloud: 'aws',
    id: null,
    attributes: {},
    ...p,
  };
}

/** A live AWS Config-style resource with sensible defaults. */
export function liveRes(p: Partial<LiveResource> & Pick<LiveResource, 'nativeType' | 'id'>): LiveResource {
  return {
    provider: 'aws',
    ids: [p.id],
    name: null,
    scope: 'aws:123456789012:eu-west-1',
    attributes: {},
    tags: {},
    capturedAt: null,
    source: 'inventory.json',
    ...p,
  };
}
