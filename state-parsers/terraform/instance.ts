import { isPlainObject } from '../../lib/core/model/plain-object.ts';
import { providerOfTerraformType } from '../../lib/core/model/provider.ts';
import type { SensitiveHasher } from '../../lib/core/model/sensitive.ts';
import type { StateResource } from '../../lib/core/model/state-resource.ts';
import { instanceAddress } from './address.ts';
import { schemaSensitiveAttributes } from './schema-sensitive.ts';
import { type PathStep, sealAtPath, sealByHeuristics } from './seal.ts';

/** What every parser entry point needs: the file name for messages and the secret hasher. */
export interface ParseOptions {
  source: string;
  hasher: SensitiveHasher;
}

/** The resource-level facts shared by all instances of one resource. */
export interface ResourceHead {
  module: string | null;
  mode: 'managed' | 'data';
  type: string;
  name: string;
  provider: string;
}

/** One instance object before sealing: attributes are fresh (owned) JSON. */
export interface InstanceParts {
  index: number | string | null;
  attributes: Record<string, unknown>;
  sensitivePaths: PathStep[][];
  deposed?: string;
  tainted?: boolean;
  schemaVersion?: number;
}

/** Builds the canonical StateResource, sealing secrets before anything else sees the attributes. */
export function buildStateResource(
  head: ResourceHead,
  inst: InstanceParts,
  opts: ParseOptions,
): StateResource {
  const attributes = inst.attributes;
  for (const path of inst.sensitivePaths) sealAtPath(attributes, path, opts.hasher);
  for (const name of schemaSensitiveAttributes(head.type)) sealAtPath(attributes, [name], opts.hasher);
  sealByHeuristics(attributes, opts.hasher);
  const rawId = attributes.id;
  const id = typeof rawId === 'string' ? rawId : typeof rawId === 'number' ? String(rawId) : null;
  const out: StateResource = {
    source: opts.source,
    address: instanceAddress(head.module, head.mode, head.type, head.name, inst.index),
    mode: head.mode,
    type: head.type,
    name: head.name,
    module: head.module,
    index: inst.index,
    provider: head.provider,
    cloud: providerOfTerraformType(head.type),
    id: isPlainObject(rawId) ? null : id,
    attributes,
  };
  if (inst.deposed !== undefined) out.deposed = inst.deposed;
  if (inst.tainted) out.tainted = true;
  if (inst.schemaVersion !== undefined) out.schemaVersion = inst.schemaVersion;
  return out;
}
