import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { compareResource } from '../../../../lib/core/diff/compare.ts';
import type { ResourceMapping } from '../../../../lib/core/mapping/types.ts';
import type { AttributeChange } from '../../../../lib/core/model/drift.ts';
import type { LiveResource } from '../../../../lib/core/model/live-resource.ts';
import type { StateResource } from '../../../../lib/core/model/state-resource.ts';
import { hasher } from '../azure/helpers.ts';

const FIXTURES = fileURLToPath(new URL('../../../fixtures/mappings/gcp/', import.meta.url));

/** A Cloud Asset record as `gcloud asset list --content-type=resource` prints it. */
export interface Asset {
  name: string;
  assetType: string;
  resource: { data: Record<string, unknown> };
}

/** A fixture document (parsed fresh each call, so tests may mutate it). */
export function fixture<T = Record<string, unknown>>(name: string): T {
  return JSON.parse(readFileSync(`${FIXTURES}${name}`, 'utf8')) as T;
}

/** A managed google state resource with the given attributes. */
export function stateOf(type: string, attributes: Record<string, unknown>): StateResource {
  return {
    source: 'terraform.tfstate',
    address: `${type}.this`,
    mode: 'managed',
    type,
    name: 'this',
    module: null,
    index: null,
    provider: 'provider["registry.terraform.io/hashicorp/google"]',
    cloud: 'gcp',
    id: typeof attributes.id === 'string' ? attributes.id : null,
    attributes,
  };
}

/** A Cloud Asset resource as the reader presents it (attributes = resource.data, tags = labels). */
export function liveOf(asset: Asset): LiveResource {
  const data = asset.resource.data;
  return {
    provider: 'gcp',
    nativeType: asset.assetType,
    id: asset.name,
    ids: [asset.name],
    name: typeof data.name === 'string' ? data.name : null,
    scope: 'gcp:acme-prod',
    attributes: data,
    tags: (data.labels as Record<string, string> | undefined) ?? {},
    capturedAt: null,
    source: 'assets.json',
  };
}

/** compareResource with the test hasher. */
export function diff(mapping: ResourceMapping, res: StateResource, live: LiveResource): AttributeChange[] {
  return compareResource(mapping, res, live, { hasher });
}
