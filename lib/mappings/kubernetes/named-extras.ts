import type { AttributeRule } from '../../core/mapping/types.ts';
import { ABSENT } from '../../core/model/live-resource.ts';
import { isPlainObject } from '../../core/model/plain-object.ts';
import { alignNamedLists } from '../../core/normalize/kubernetes/align.ts';
import { setOwn } from '../../core/normalize/kubernetes/own.ts';
import { liveObject } from './common.ts';
import { toTerraformShape } from './terraform-shape.ts';

function names(list: unknown[]): string[] | null {
  const out = list.map((x) => (isPlainObject(x) && typeof x.name === 'string' ? x.name : null));
  return out.every((n) => n !== null) ? (out as string[]) : null;
}

/** Names of every non-empty list of named blocks (`container`, `env`, `port`, `volume`), by path. */
export function namedLists(v: unknown, prefix = ''): Record<string, string[]> {
  const out: Record<string, string[]> = {};
  const walk = (x: unknown, path: string) => {
    if (Array.isArray(x)) {
      const n = x.length > 0 ? names(x) : null;
      if (n) setOwn(out, path, n);
      x.forEach((item, i) => {
        walk(item, path === '' ? String(i) : `${path}.${i}`);
      });
    } else if (isPlainObject(x)) {
      for (const [k, val] of Object.entries(x)) walk(val, path === '' ? k : `${path}.${k}`);
    }
  };
  walk(v, prefix);
  return out;
}

/**
 * Items added live to a list the state declares (a hand-added sidecar container, env var or port):
 * the subset comparison of `spec` looks only at declared items, so this reports the list's names
 * (`spec.0.template.0.spec.0.container`: ["api"] → ["api", "debug"]) when live has more.
 */
export const namedExtrasRule: AttributeRule = {
  path: 'spec',
  desired: (res) => namedLists(res.attributes.spec),
  actual: (live, res) => {
    const spec = liveObject('spec')(live);
    if (spec === ABSENT || !isPlainObject(spec)) return ABSENT;
    const desired = namedLists(res.attributes.spec);
    const actual = namedLists(alignNamedLists(res.attributes.spec, [toTerraformShape(spec)]));
    const out: Record<string, string[]> = {};
    for (const [path, want] of Object.entries(desired)) {
      const have = actual[path] ?? [];
      // Missing or changed items are the spec rule's to report; only additions are reported here.
      setOwn(out, path, have.some((n) => !want.includes(n)) ? have : want);
    }
    return out;
  },
  compare: 'map',
};
