import type { AttributeRule, CompareMode, ResourceMapping } from '../mapping/types.ts';
import type { AttributeChange } from '../model/drift.ts';
import { ABSENT, type LiveResource } from '../model/live-resource.ts';
import {
  isSecretName,
  isSensitive,
  looksLikeSecret,
  SENSITIVE_PLACEHOLDER,
  type SensitiveHasher,
  sensitive,
} from '../model/sensitive.ts';
import { stableStringify } from '../model/stable-json.ts';
import type { StateResource } from '../model/state-resource.ts';
import { genericNormalizer, isEmptyValue, unorderedSet } from '../normalize/generic.ts';
import { genericEqual } from '../normalize/generic-equal.ts';
import { getPath, isPlainObject, joinPath } from './path.ts';

export interface CompareContext {
  hasher: SensitiveHasher;
}

/**
 * Wherever the desired side is sealed (sensitive), seal the live value at the same place with the
 * same keyed hash, so the two compare without the plain value ever reaching a report.
 */
export function sealLike(desired: unknown, actual: unknown, hasher: SensitiveHasher): unknown {
  if (isSensitive(desired))
    return actual === null || actual === undefined ? actual : sensitive(hasher, actual);
  if (Array.isArray(desired) && Array.isArray(actual)) {
    return actual.map((a, i) => (i < desired.length ? sealLike(desired[i], a, hasher) : a));
  }
  if (isPlainObject(desired) && isPlainObject(actual)) {
    const out: Record<string, unknown> = { ...actual };
    for (const k of Object.keys(desired)) if (k in actual) out[k] = sealLike(desired[k], actual[k], hasher);
    return out;
  }
  return actual;
}

function redact(path: string, desired: unknown, actual: unknown): AttributeChange {
  const last = path.split('.').pop() ?? '';
  const secret =
    isSensitive(desired) ||
    isSensitive(actual) ||
    isSecretName(last) ||
    (typeof desired === 'string' && looksLikeSecret(desired)) ||
    (typeof actual === 'string' && looksLikeSecret(actual));
  if (secret) {
    const change: AttributeChange = {
      path,
      desired: SENSITIVE_PLACEHOLDER,
      actual: SENSITIVE_PLACEHOLDER,
      sensitive: true,
    };
    // The keyed hashes (never the values) tell a stored drift whether a secret changed again.
    const digest = `${isSensitive(desired) ? desired.$sensitive : ''}|${isSensitive(actual) ? actual.$sensitive : ''}`;
    if (digest !== '|') change.digest = digest;
    return change;
  }
  return { path, desired: desired ?? null, actual: actual ?? null };
}

function leafEqual(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (isEmptyValue(a) && isEmptyValue(b)) return true;
  return stableStringify(a) === stableStringify(b);
}

/** Recursive diff of two normalized values; emits leaf-level changes under `path`. */
export function diffValues(
  path: string,
  desired: unknown,
  actual: unknown,
  mode: CompareMode,
): AttributeChange[] {
  if (mode === 'set') {
    const d = unorderedSet.apply(desired);
    const a = unorderedSet.apply(actual);
    return leafEqual(d, a) ? [] : [redact(path, d, a)];
  }
  if (isSensitive(desired) || isSensitive(actual)) {
    return leafEqual(desired, actual) ? [] : [redact(path, desired, actual)];
  }
  if (isPlainObject(desired) && (isPlainObject(actual) || (mode !== 'subset' && actual === null))) {
    const act = (actual ?? {}) as Record<string, unknown>;
    const keys =
      mode === 'subset' ? Object.keys(desired) : [...new Set([...Object.keys(desired), ...Object.keys(act)])];
    const childMode = mode === 'map' ? 'value' : mode;
    return keys
      .sort()
      .flatMap((k) => diffValues(joinPath(path, k), desired[k] ?? null, act[k] ?? null, childMode));
  }
  if (mode !== 'subset' && desired === null && isPlainObject(actual)) {
    return Object.keys(actual)
      .sort()
      .flatMap((k) => diffValues(joinPath(path, k), null, actual[k], mode));
  }
  if (
    Array.isArray(desired) &&
    Array.isArray(actual) &&
    (desired.length === actual.length || mode === 'subset')
  ) {
    if (mode === 'subset' && actual.length < desired.length) return [redact(path, desired, actual)];
    return desired.flatMap((d, i) => diffValues(joinPath(path, i), d, actual[i] ?? null, mode));
  }
  if (mode === 'subset' && desired === null) return [];
  return leafEqual(desired, actual) ? [] : [redact(path, desired, actual)];
}

function normalizeBoth(rule: AttributeRule, v: unknown): unknown {
  let out = genericNormalizer.apply(v);
  for (const n of rule.normalize ?? []) out = n.apply(out);
  return out;
}

// Shared result for "no change": most rules of most resources are clean.
const NO_CHANGES = Object.freeze([]) as unknown as AttributeChange[];

/** Compares one attribute rule; [] when equal, when the live side is ABSENT, or when desired is unset. */
export function compareRule(
  rule: AttributeRule,
  res: StateResource,
  live: LiveResource,
  ctx: CompareContext,
): AttributeChange[] {
  const rawActual = rule.actual(live, res);
  if (rawActual === ABSENT) return NO_CHANGES;
  const rawDesired = rule.desired ? rule.desired(res) : getPath(res.attributes, rule.path);
  if (rawDesired === ABSENT) return NO_CHANGES;
  if ((rule.skipUnsetDesired ?? true) && isEmptyValue(rawDesired)) return NO_CHANGES;
  if (genericEqual(rawDesired, rawActual)) return NO_CHANGES;
  const desired = normalizeBoth(rule, rawDesired);
  const actual = normalizeBoth(rule, sealLike(rawDesired, rawActual, ctx.hasher));
  return diffValues(rule.path, desired, sealLike(desired, actual, ctx.hasher), rule.compare ?? 'value');
}

/** Every attribute change between a state resource and its live item, per the mapping's rules. */
export function compareResource(
  mapping: ResourceMapping,
  res: StateResource,
  live: LiveResource,
  ctx: CompareContext,
): AttributeChange[] {
  const out: AttributeChange[] = [];
  for (const rule of mapping.attributes) {
    const changes = compareRule(rule, res, live, ctx);
    if (changes.length > 0) out.push(...changes);
  }
  return out;
}
