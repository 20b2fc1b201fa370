import { createHmac } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { compareResource } from '../../../../lib/core/diff/compare.ts';
import type { ResourceMapping } from '../../../../lib/core/mapping/types.ts';
import { scopeKey } from '../../../../lib/core/model/coverage.ts';
import type { AttributeChange } from '../../../../lib/core/model/drift.ts';
import type { LiveResource } from '../../../../lib/core/model/live-resource.ts';
import type { StateResource } from '../../../../lib/core/model/state-resource.ts';

const FIXTURES = fileURLToPath(new URL('../../../fixtures/mappings/azure/', import.meta.url));

export const hasher = (s: string) => createHmac('sha256', 'test-key').update(s).digest('hex');

/** A fixture document (parsed fresh each call, so tests may mutate it). */
export function fixture<T = Record<string, unknown>>(name: string): T {
  return JSON.parse(readFileSync(`${FIXTURES}${name}`, 'utf8')) as T;
}

/** A managed state resource with the given attributes. */
export function stateOf(type: string, attributes: Record<string, unknown>): StateResource {
  return {
    source: 'terraform.tfstate',
    address: `${type}.this`,
    mode: 'managed',
    type,
    name: 'this',
    module: null,
    index: null,
    provider: 'provider["registry.terraform.io/hashicorp/azurerm"]',
    cloud: 'azure',
    id: typeof attributes.id === 'string' ? attributes.id : null,
    attributes,
  };
}

/** An ARM object (Resource Graph row or `az resource list` item) as the reader presents it. */
export function liveOf(row: Record<string, unknown>): LiveResource {
  const id = row.id as string;
  const sub = /\/subscriptions\/([^/]+)/i.exec(id)?.[1] ?? 'unknown';
  return {
    provider: 'azure',
    nativeType: row.type as string,
    id,
    ids: [id],
    name: (row.name as string) ?? null,
    scope: scopeKey.azure(sub),
    attributes: row,
    tags: 'tags' in row ? ((row.tags ?? {}) as Record<string, string>) : null,
    capturedAt: null,
    source: 'inventory.json',
  };
}

/** compareResource with the test hasher. */
export function diff(mapping: ResourceMapping, res: StateResource, live: LiveResource): AttributeChange[] {
  return compareResource(mapping, res, live, { hasher });
}
