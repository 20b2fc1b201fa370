import { isPlainObject } from '../../diff/path.ts';
import type { Normalizer } from '../../mapping/types.ts';
import { stableStringify } from '../../model/stable-json.ts';
import { canonicalScalar } from '../generic.ts';

/** Parses a JSON document given as text (or already parsed); undefined when the text is not JSON. */
export function parseJsonDocument(v: unknown): unknown {
  if (typeof v !== 'string') return v;
  const text = v.trim();
  if (!text.startsWith('{') && !text.startsWith('[')) return undefined;
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return undefined;
  }
}

// SQS/SNS return numbers inside policies as strings on some paths ("maxReceiveCount":"5").
function scalarsDeep(v: unknown): unknown {
  if (Array.isArray(v)) return v.map(scalarsDeep);
  if (isPlainObject(v)) {
    const out: Record<string, unknown> = {};
    for (const [k, val] of Object.entries(v)) out[k] = scalarsDeep(val);
    return out;
  }
  return canonicalScalar(v);
}

/**
 * Generic JSON document (redrive policies, delivery policies): text or object → canonical JSON text
 * with sorted keys, no whitespace, numeric strings as numbers. Text that is not JSON stays as is.
 */
export const jsonDocument: Normalizer = {
  name: 'json-document',
  apply(v) {
    if (v === null || v === undefined) return v;
    if (typeof v === 'string' && v.trim() === '') return null;
    const parsed = parseJsonDocument(v);
    if (parsed === undefined) return typeof v === 'string' ? v.trim() : v;
    if (!isPlainObject(parsed) && !Array.isArray(parsed)) return v;
    return stableStringify(scalarsDeep(parsed));
  },
};
