import { StateParseError } from '../../lib/core/model/errors.ts';
import type { StateDocument } from '../../lib/core/model/state-resource.ts';
import { readHeader } from './header.ts';
import type { ParseOptions } from './instance.ts';
import { parseJsonText } from './json-text.ts';
import { sortLikeStateList } from './list-order.ts';
import { v3Resources } from './v3-state.ts';
import { v4ResourceInstances } from './v4-resource.ts';

/** Parses a Terraform state (format 3 or 4) held in memory; throws only StateParseError. */
export function parseTerraformState(text: string, opts: ParseOptions): StateDocument {
  try {
    return parseDocument(parseJsonText(text, opts.source, 'JSON'), opts);
  } catch (err) {
    if (err instanceof StateParseError) throw err;
    // A bug or an input shape nobody foresaw: still one clear line, never a stack trace.
    throw new StateParseError(
      `could not read the state: ${(err as Error)?.message ?? String(err)}`,
      opts.source,
    );
  }
}

/** Parses an already-decoded state object; instances come in `terraform state list` order. */
export function parseDocument(doc: unknown, opts: ParseOptions): StateDocument {
  const header = readHeader(doc, opts.source);
  const obj = doc as Record<string, unknown>;
  let resources: StateDocument['resources'];
  if (header.version === 3) resources = v3Resources(obj, opts);
  else {
    const list = obj.resources ?? [];
    if (!Array.isArray(list)) throw new StateParseError('"resources" is not a list', opts.source);
    resources = list.flatMap((r, i) => v4ResourceInstances(r, i, opts));
  }
  return { source: opts.source, ...header, resources: sortLikeStateList(resources) };
}
