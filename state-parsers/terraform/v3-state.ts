import { StateParseError } from '../../lib/core/model/errors.ts';
import { isPlainObject } from '../../lib/core/model/plain-object.ts';
import type { StateResource } from '../../lib/core/model/state-resource.ts';
import { unflatten } from './flatmap.ts';
import { buildStateResource, type InstanceParts, type ParseOptions, type ResourceHead } from './instance.ts';

// Format 3 (Terraform 0.7–0.11): modules[] with path ["root","net"], resources keyed by legacy
// address (`aws_x.name`, `aws_x.name.1`, `data.aws_y.z`), flatmap attributes, deposed[] objects.
// Conversions follow Terraform's own v3→v4 upgrade so addresses and keys match what it produces.

interface LegacyKey {
  mode: 'managed' | 'data';
  type: string;
  name: string;
  index: number | null;
}

function parseLegacyKey(key: string): LegacyKey | null {
  let parts = key.split('.');
  if (parts.length < 2 || parts.length > 4) return null;
  let mode: LegacyKey['mode'] = 'managed';
  if (parts.length > 2 && parts[0] === 'data') {
    mode = 'data';
    parts = parts.slice(1);
  }
  if (parts.length > 3) return null;
  const [type, name, idx] = parts as [string, string, string | undefined];
  if (type === '' || name === '') return null;
  if (idx !== undefined && !/^\d+$/.test(idx)) return null;
  return { mode, type, name, index: idx === undefined ? null : Number(idx) };
}

function providerOf(raw: unknown, module: string | null, type: string): string {
  const p = typeof raw === 'string' ? raw : '';
  if (p.includes('provider.')) return p;
  const local = p !== '' ? p : (type.split('_')[0] ?? type);
  return `${module ? `${module}.` : ''}provider.${local}`;
}

function schemaVersionOf(meta: unknown): number | undefined {
  if (!isPlainObject(meta)) return undefined;
  const v = meta.schema_version;
  if (typeof v === 'number' && Number.isInteger(v)) return v;
  return typeof v === 'string' && /^\d+$/.test(v) ? Number(v) : undefined;
}

function instance(raw: unknown, index: number | null, deposed: string | undefined): InstanceParts | null {
  if (!isPlainObject(raw)) return null;
  const flat = isPlainObject(raw.attributes) ? raw.attributes : {};
  const attributes = unflatten(flat);
  // Terraform's upgrade copies a first-class id into an empty `id` attribute.
  if ((attributes.id === undefined || attributes.id === '') && typeof raw.id === 'string' && raw.id !== '') {
    attributes.id = raw.id;
  }
  const parts: InstanceParts = { index, attributes, sensitivePaths: [] };
  if (deposed !== undefined) parts.deposed = deposed;
  if (raw.tainted === true) parts.tainted = true;
  const sv = schemaVersionOf(raw.meta);
  if (sv !== undefined) parts.schemaVersion = sv;
  return parts;
}

function modulePath(raw: unknown, at: string, source: string): string | null {
  if (!Array.isArray(raw) || raw[0] !== 'root' || !raw.every((p) => typeof p === 'string' && p !== '')) {
    throw new StateParseError(`${at} has an invalid module path`, source);
  }
  return raw.length === 1
    ? null
    : raw
        .slice(1)
        .map((n) => `module.${n}`)
        .join('.');
}

function moduleResources(raw: unknown, at: string, opts: ParseOptions): StateResource[] {
  if (!isPlainObject(raw)) throw new StateParseError(`${at} is not an object`, opts.source);
  const module = modulePath(raw.path, at, opts.source);
  const resources = raw.resources ?? {};
  if (!isPlainObject(resources)) throw new StateParseError(`${at}.resources is not an object`, opts.source);
  const out: Array<{ head: ResourceHead; parts: InstanceParts }> = [];
  for (const [key, rs] of Object.entries(resources)) {
    const k = parseLegacyKey(key);
    if (!k) throw new StateParseError(`${at}: invalid resource address ${JSON.stringify(key)}`, opts.source);
    if (!isPlainObject(rs)) throw new StateParseError(`${at}: resource ${key} is not an object`, opts.source);
    const head: ResourceHead = { module, mode: k.mode, type: k.type, name: k.name, provider: '' };
    head.provider = providerOf(rs.provider, module, k.type);
    const primary = instance(rs.primary, k.index, undefined);
    if (primary) out.push({ head, parts: primary });
    const deposed = Array.isArray(rs.deposed) ? rs.deposed : [];
    deposed.forEach((d, i) => {
      // Terraform's upgrade numbers deposed objects 00000001, 00000002, … in order.
      const parts = instance(d, k.index, (i + 1).toString(16).padStart(8, '0'));
      if (parts) out.push({ head, parts });
    });
  }
  out.sort((a, b) => compareKey(a, b));
  return out.map(({ head, parts }) => buildStateResource(head, parts, opts));
}

type Item = { head: ResourceHead; parts: InstanceParts };
function compareKey(a: Item, b: Item): number {
  const ka = [a.head.mode, a.head.type, a.head.name];
  const kb = [b.head.mode, b.head.type, b.head.name];
  for (let i = 0; i < 3; i++) if (ka[i] !== kb[i]) return ka[i]! < kb[i]! ? -1 : 1;
  const ia = a.parts.index === null ? -1 : Number(a.parts.index);
  const ib = b.parts.index === null ? -1 : Number(b.parts.index);
  if (ia !== ib) return ia - ib;
  return (a.parts.deposed ?? '') < (b.parts.deposed ?? '') ? -1 : 1;
}

/** Reads every instance of a format-3 state, modules in file order. */
export function v3Resources(doc: Record<string, unknown>, opts: ParseOptions): StateResource[] {
  const modules = doc.modules ?? [];
  if (!Array.isArray(modules)) throw new StateParseError('"modules" is not a list', opts.source);
  return modules.flatMap((m, i) => moduleResources(m, `modules[${i}]`, opts));
}
