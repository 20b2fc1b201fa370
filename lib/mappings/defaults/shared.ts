import type { StateResource } from '../../core/model/state-resource.ts';

/** The string value of a top-level state attribute, or undefined when absent, empty or not a string. */
export function attrString(res: StateResource, name: string): string | undefined {
  const v = res.attributes[name];
  return typeof v === 'string' && v.trim() !== '' ? v : undefined;
}

/** The non-empty string attributes `names`, in order, without duplicates. */
export function attrStrings(res: StateResource, names: readonly string[]): string[] {
  const out: string[] = [];
  for (const name of names) {
    const v = attrString(res, name);
    if (v !== undefined && !out.includes(v)) out.push(v);
  }
  return out;
}

/** Default identity and scope functions of one provider, for types without a hand-written mapping. */
export interface ProviderDefaults {
  identities(res: StateResource): string[];
  scope(res: StateResource): string | null;
}
