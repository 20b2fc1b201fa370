import type { StateResource } from '../../lib/core/model/state-resource.ts';

// `terraform state list` sorts instances with AbsResourceInstance.Less: shallower module paths
// first, then module steps (name, then key: none < number < string), data before managed, type,
// name, instance key. Terraform *writes* states sorted by the module path as a plain string, so
// file order differs as soon as modules nest (`module.a.module.z` before `module.b`). Strings
// compare by code point, which is the byte order of Go's UTF-8 strings.

type Key = number | string | null;
interface Step {
  name: string;
  key: Key;
}

const STEP = /module\.([^.[\]]+)(?:\[(-?\d+|"(?:[^"\\]|\\.)*")\])?(?:\.|$)/y;

function unquote(q: string): string {
  try {
    // HCL quoting escapes `${`/`%{` by doubling and astral characters as \UXXXXXXXX (unknown to JSON).
    const json = q.replace(/\\U([0-9a-fA-F]{8})/g, (_, h: string) =>
      String.fromCodePoint(Number.parseInt(h, 16)),
    );
    return (JSON.parse(json) as string).replaceAll('$${', '${').replaceAll('%%{', '%{');
  } catch {
    return q.slice(1, -1);
  }
}

/** Splits `module.a["x"].module.b[0]` into steps; an unreadable rest becomes one opaque step. */
export function moduleSteps(module: string | null): Step[] {
  if (!module) return [];
  const steps: Step[] = [];
  STEP.lastIndex = 0;
  while (STEP.lastIndex < module.length) {
    const at = STEP.lastIndex;
    const m = STEP.exec(module);
    if (!m) {
      steps.push({ name: module.slice(at), key: null });
      break;
    }
    const raw = m[2];
    steps.push({
      name: m[1]!,
      key: raw === undefined ? null : raw.startsWith('"') ? unquote(raw) : Number(raw),
    });
  }
  return steps;
}

function cmpString(a: string, b: string): number {
  if (a === b) return 0;
  const n = Math.min(a.length, b.length);
  for (let i = 0; i < n; i++) {
    let x = a.charCodeAt(i);
    let y = b.charCodeAt(i);
    if (x === y) continue;
    // UTF-16 order is code point order except that surrogates (astral characters) must sort
    // above U+E000–U+FFFF: shift both ranges to restore it.
    if (x >= 0xd800 && y >= 0xd800) {
      x = x >= 0xe000 ? x - 0x800 : x + 0x2000;
      y = y >= 0xe000 ? y - 0x800 : y + 0x2000;
    }
    return x < y ? -1 : 1;
  }
  return a.length - b.length;
}

/** InstanceKeyLess as a comparator: no key < number < string. */
export function compareKeys(a: Key, b: Key): number {
  if (a === b) return 0;
  if (a === null) return -1;
  if (b === null) return 1;
  if (typeof a !== typeof b) return typeof a === 'number' ? -1 : 1;
  return typeof a === 'number' ? a - (b as number) : cmpString(a, b as string);
}

function compareModules(a: Step[], b: Step[]): number {
  if (a.length !== b.length) return a.length - b.length;
  for (let i = 0; i < a.length; i++) {
    const c = cmpString(a[i]!.name, b[i]!.name) || compareKeys(a[i]!.key, b[i]!.key);
    if (c !== 0) return c;
  }
  return 0;
}

type StepsOf = (module: string | null) => Step[];

function compare(a: StateResource, b: StateResource, stepsOf: StepsOf): number {
  if (a.module !== b.module) {
    const c = compareModules(stepsOf(a.module), stepsOf(b.module));
    if (c !== 0) return c;
  }
  if (a.mode !== b.mode) return a.mode === 'data' ? -1 : 1;
  return (
    cmpString(a.type, b.type) ||
    cmpString(a.name, b.name) ||
    compareKeys(a.index, b.index) ||
    // Current object before its deposed ones, as Terraform writes them.
    cmpString(a.deposed ?? '', b.deposed ?? '')
  );
}

/** Sorts instances (in place) into the order `terraform state list` prints them; stable. */
export function sortLikeStateList(resources: StateResource[]): StateResource[] {
  const cache = new Map<string | null, Step[]>();
  const stepsOf: StepsOf = (module) => {
    let steps = cache.get(module);
    if (!steps) {
      steps = moduleSteps(module);
      cache.set(module, steps);
    }
    return steps;
  };
  // States Terraform wrote without nested modules are already in this order: check before sorting.
  let sorted = true;
  for (let i = 1; i < resources.length && sorted; i++) {
    sorted = compare(resources[i - 1]!, resources[i]!, stepsOf) <= 0;
  }
  if (!sorted) resources.sort((a, b) => compare(a, b, stepsOf));
  return resources;
}
