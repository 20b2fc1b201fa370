import { isPlainObject } from '../../diff/path.ts';
import type { Normalizer } from '../../mapping/types.ts';
import { setOwn } from './own.ts';

const QUANTITY = /^([+-]?)(\d+(?:\.\d*)?|\.\d+)(?:[eE]([+-]?\d+)|(Ki|Mi|Gi|Ti|Pi|Ei|n|u|m|k|M|G|T|P|E))?$/;
const NANO = 10n ** 9n;
const SUFFIX: Record<string, bigint> = {
  n: 1n,
  u: 1000n,
  m: 10n ** 6n,
  '': NANO,
  k: NANO * 10n ** 3n,
  M: NANO * 10n ** 6n,
  G: NANO * 10n ** 9n,
  T: NANO * 10n ** 12n,
  P: NANO * 10n ** 15n,
  E: NANO * 10n ** 18n,
  Ki: NANO * 2n ** 10n,
  Mi: NANO * 2n ** 20n,
  Gi: NANO * 2n ** 30n,
  Ti: NANO * 2n ** 40n,
  Pi: NANO * 2n ** 50n,
  Ei: NANO * 2n ** 60n,
};

/** Exact value of a Kubernetes quantity in nano-units (`500m` → 500000000n), null when not one. */
export function parseQuantity(v: unknown): bigint | null {
  const text = typeof v === 'number' && Number.isFinite(v) ? String(v) : v;
  if (typeof text !== 'string') return null;
  const m = QUANTITY.exec(text.trim());
  if (!m) return null;
  const [, sign, num = '', exp, suffix = ''] = m;
  const [int = '', frac = ''] = num.split('.');
  let scale = SUFFIX[suffix]!;
  let digits = BigInt(`${int || '0'}${frac}`);
  let divisor = 10n ** BigInt(frac.length);
  const e = exp ? Number(exp) : 0;
  if (Math.abs(e) > 30) return null;
  if (e >= 0) scale *= 10n ** BigInt(e);
  else divisor *= 10n ** BigInt(-e);
  digits *= scale;
  // Kubernetes rounds sub-nano precision up.
  const value = (digits + divisor - 1n) / divisor;
  return sign === '-' ? -value : value;
}

const BINARY: [string, bigint][] = [
  ['Ei', SUFFIX.Ei!],
  ['Pi', SUFFIX.Pi!],
  ['Ti', SUFFIX.Ti!],
  ['Gi', SUFFIX.Gi!],
  ['Mi', SUFFIX.Mi!],
  ['Ki', SUFFIX.Ki!],
];
const DECIMAL: [string, bigint][] = ['E', 'P', 'T', 'G', 'M', 'k', '', 'm', 'u', 'n'].map((s) => [
  s,
  SUFFIX[s]!,
]);

/**
 * One spelling per amount, so `0.5` = `500m`, `1Gi` = `1024Mi` = `1073741824`, `"1"` = 1: the
 * largest binary suffix that divides whole amounts of at least 1Ki, else the largest decimal one.
 */
export function canonicalQuantity(nanos: bigint): string {
  const neg = nanos < 0n;
  const abs = neg ? -nanos : nanos;
  const sign = neg ? '-' : '';
  if (abs === 0n) return '0';
  for (const [s, unit] of BINARY) if (abs >= unit && abs % unit === 0n) return `${sign}${abs / unit}${s}`;
  for (const [s, unit] of DECIMAL) if (abs % unit === 0n) return `${sign}${abs / unit}${s}`;
  return `${sign}${abs}n`;
}

// Maps whose values are quantities (resources, ResourceQuota, LimitRange, node capacity) and
// scalar fields that are one (PVC storage, emptyDir sizeLimit).
const QUANTITY_MAPS = new Set([
  'limits',
  'requests',
  'hard',
  'used',
  'capacity',
  'allocatable',
  'overhead',
  'default',
  'default_request',
  'defaultRequest',
  'max',
  'min',
]);
const QUANTITY_SCALARS = new Set(['storage', 'sizeLimit', 'size_limit']);

function quantityOrSame(v: unknown): unknown {
  const q = parseQuantity(v);
  return q === null ? v : canonicalQuantity(q);
}

function walk(v: unknown): unknown {
  if (Array.isArray(v)) return v.map(walk);
  if (!isPlainObject(v) || '$sensitive' in v) return v;
  const out: Record<string, unknown> = {};
  for (const [k, val] of Object.entries(v)) {
    if (QUANTITY_MAPS.has(k) && isPlainObject(val)) {
      setOwn(out, k, Object.fromEntries(Object.entries(val).map(([rk, rv]) => [rk, quantityOrSame(rv)])));
    } else if (QUANTITY_SCALARS.has(k) && (typeof val === 'string' || typeof val === 'number')) {
      setOwn(out, k, quantityOrSame(val));
    } else setOwn(out, k, walk(val));
  }
  return out;
}

/** Resource quantities under `limits`/`requests`/`hard`/... in canonical spelling, deep. Idempotent. */
export const k8sQuantities: Normalizer = { name: 'k8s-quantities', apply: walk };
