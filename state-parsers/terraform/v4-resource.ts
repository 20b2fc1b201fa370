import { StateParseError } from '../../lib/core/model/errors.ts';
import { isPlainObject } from '../../lib/core/model/plain-object.ts';
import type { StateResource } from '../../lib/core/model/state-resource.ts';
import { unflatten } from './flatmap.ts';
import { buildStateResource, type InstanceParts, type ParseOptions, type ResourceHead } from './instance.ts';
import { parseSensitivePaths } from './sensitive-paths.ts';

// Format 4 (Terraform >= 0.12, OpenTofu): resources[] each with instances[]. Fields this reader
// does not need (private, dependencies, create_before_destroy, identity, check_results) are ignored.

function head(raw: unknown, at: string, source: string): ResourceHead {
  if (!isPlainObject(raw)) throw new StateParseError(`${at} is not an object`, source);
  const { type, name, mode, module, provider } = raw;
  if (typeof type !== 'string' || type === '' || typeof name !== 'string' || name === '') {
    throw new StateParseError(`${at} has no resource "type" and "name"`, source);
  }
  if (mode !== 'managed' && mode !== 'data') {
    throw new StateParseError(`${at} (${type}.${name}) has unsupported mode ${JSON.stringify(mode)}`, source);
  }
  if (module !== undefined && module !== null && typeof module !== 'string') {
    throw new StateParseError(`${at} (${type}.${name}) has an invalid "module"`, source);
  }
  return {
    type,
    name,
    mode,
    module: module ? module : null,
    provider: typeof provider === 'string' ? provider : '',
  };
}

// `at` is built only when an error needs it: this runs once per instance of a huge state.
function instanceParts(raw: unknown, at: () => string, source: string): InstanceParts {
  if (!isPlainObject(raw)) throw new StateParseError(`${at()} is not an object`, source);
  const key = raw.index_key;
  if (key !== undefined && key !== null && typeof key !== 'string' && !Number.isInteger(key)) {
    throw new StateParseError(`${at()} has an invalid index_key`, source);
  }
  let attributes: Record<string, unknown>;
  if (isPlainObject(raw.attributes)) attributes = raw.attributes;
  else if (isPlainObject(raw.attributes_flat)) attributes = unflatten(raw.attributes_flat);
  else if (raw.attributes == null && raw.attributes_flat == null) attributes = {};
  else throw new StateParseError(`${at()} has attributes that are not an object`, source);
  const parts: InstanceParts = {
    index: (key ?? null) as number | string | null,
    attributes,
    sensitivePaths: parseSensitivePaths(raw.sensitive_attributes),
  };
  if (typeof raw.deposed === 'string' && raw.deposed !== '') parts.deposed = raw.deposed;
  if (raw.status === 'tainted') parts.tainted = true;
  if (typeof raw.schema_version === 'number') parts.schemaVersion = raw.schema_version;
  return parts;
}

/** Converts one element of a v4 `resources` array into its instances (current and deposed). */
export function v4ResourceInstances(raw: unknown, position: number, opts: ParseOptions): StateResource[] {
  const at = `resources[${position}]`;
  const h = head(raw, at, opts.source);
  const instances = (raw as Record<string, unknown>).instances;
  if (instances === undefined || instances === null) return [];
  if (!Array.isArray(instances))
    throw new StateParseError(`${at} has "instances" that is not a list`, opts.source);
  return instances.map((inst, i) =>
    buildStateResource(
      h,
      instanceParts(inst, () => `${at}.instances[${i}]`, opts.source),
      opts,
    ),
  );
}
