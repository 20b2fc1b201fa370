import { StateParseError } from '../../../lib/core/model/errors.ts';
import type { StateDocument, StateResource } from '../../../lib/core/model/state-resource.ts';
import { checkVersion, headerFields, readHeader, type StateHeader } from '../header.ts';
import type { ParseOptions } from '../instance.ts';
import { findJsonErrorOffset } from '../json-error-offset.ts';
import { lineColumn, parseJsonText, protectBigIntegers } from '../json-text.ts';
import { sortLikeStateList } from '../list-order.ts';
import { parseTerraformState } from '../parse-terraform-state.ts';
import { v4ResourceInstances } from '../v4-resource.ts';
import { type ScanEvent, TopLevelScanner } from './text-scanner.ts';
import { Utf8Text } from './utf8-text.ts';

// Format 4 is streamed resource by resource. Format 3 (rare, and never huge in practice) is
// buffered and handed to the in-memory parser while it fits in one string; beyond that it is
// refused with a clear message.

/** Largest text V8 can hold in one string (2^29 - 24 UTF-16 units). */
export const MAX_STRING_LENGTH = 2 ** 29 - 24;

const V3_TOO_LARGE =
  'format 3 state is too large to read; upgrade it to format 4 (`terraform state pull` with Terraform >= 0.12)';

function asError(err: unknown, source: string): StateParseError {
  if (err instanceof StateParseError) return err;
  return new StateParseError(`could not read the state: ${(err as Error)?.message ?? String(err)}`, source);
}

function elementResources(ev: Extract<ScanEvent, { kind: 'element' }>, opts: ParseOptions): StateResource[] {
  let doc: unknown;
  try {
    doc = JSON.parse(protectBigIntegers(ev.raw));
  } catch {
    // Report the position in the whole file, as the in-memory parser does.
    const at = lineColumn(ev.raw, Math.max(findJsonErrorOffset(ev.raw), 0));
    const line = ev.line + at.line - 1;
    const column = at.line === 1 ? ev.column + at.column - 1 : at.column;
    throw new StateParseError(`not valid JSON: syntax error at line ${line}, column ${column}`, opts.source);
  }
  return v4ResourceInstances(doc, ev.position, opts);
}

/**
 * Streams the resource instances of a state from raw bytes, in file order; memory stays bounded by one resource.
 * The generator's return value is the state header (version, serial, lineage, terraform version).
 */
export async function* parseTerraformStateStream(
  chunks: AsyncIterable<Uint8Array>,
  opts: ParseOptions,
): AsyncGenerator<StateResource, StateHeader, undefined> {
  const scanner = new TopLevelScanner(opts.source);
  const top: Record<string, unknown> = {};
  let version: 3 | 4 | null = null;
  const decoder = new Utf8Text();
  let retained: string[] | null = [];
  let size = 0;
  let length = 0;
  const pending: Array<Extract<ScanEvent, { kind: 'element' }>> = [];

  // Resources seen before the version (unusual writers) wait until the version is known.
  // A non-list "resources" is an error only in format 4 (format 3 keeps its resources in modules).
  let resourcesNotList = false;
  const notList = () => new StateParseError('"resources" is not a list', opts.source);

  function* take(events: ScanEvent[]): Generator<StateResource> {
    for (const ev of events) {
      // Format 3 is buffered and parsed whole: the rest of this batch belongs to that parse.
      if (version === 3) return;
      if (ev.kind === 'element') {
        if (version === 4) yield* elementResources(ev, opts);
        else pending.push(ev);
        continue;
      }
      top[ev.key] = ev.kind === 'scalar' ? parseJsonText(ev.raw, opts.source) : true;
      if (ev.key === 'encrypted_data' || ev.key === 'encryption_version') readHeader(top, opts.source);
      if (ev.key === 'resources' && ev.kind === 'scalar' && top.resources !== null) {
        if (version === 4) throw notList();
        resourcesNotList = true;
      }
      if (ev.key === 'version') {
        version = checkVersion(top.version, opts.source);
        if (version === 4) {
          if (resourcesNotList) throw notList();
          retained = null;
          for (const p of pending.splice(0)) yield* elementResources(p, opts);
        }
      }
    }
    scanner.check();
  }

  try {
    for await (const chunk of chunks) {
      size += chunk.length;
      const text = decoder.push(chunk);
      length += text.length;
      if (retained && length > MAX_STRING_LENGTH) {
        if (version === 3) throw new StateParseError(V3_TOO_LARGE, opts.source);
        retained = null; // no version yet this far in: it cannot be a format-3 state we could buffer
      }
      if (retained) retained.push(text);
      if (version === 3) continue;
      scanner.push(text);
      yield* take(scanner.drain());
    }
    const tail = decoder.flush();
    if (retained) retained.push(tail);
    if (size === 0) throw new StateParseError('file is empty (no Terraform state in it)', opts.source);
    if (version === 3) {
      if (!retained) throw new StateParseError(V3_TOO_LARGE, opts.source);
      const doc = parseTerraformState(retained.join(''), opts);
      yield* doc.resources;
      return headerFields(3, doc.terraformVersion, doc.serial, doc.lineage);
    }
    scanner.push(tail);
    yield* take(scanner.drain());
    scanner.end();
    if (version === null) readHeader(top, opts.source);
    if (resourcesNotList) throw notList();
    return headerFields(version ?? 4, top.terraform_version, top.serial, top.lineage);
  } catch (err) {
    throw asError(err, opts.source);
  }
}

/** Streams a whole state into a StateDocument (file text never held), in `terraform state list` order. */
export async function readTerraformStateStream(
  chunks: AsyncIterable<Uint8Array>,
  opts: ParseOptions,
): Promise<StateDocument> {
  const resources: StateResource[] = [];
  const gen = parseTerraformStateStream(chunks, opts);
  for (;;) {
    const next = await gen.next();
    if (next.done) return { source: opts.source, ...next.value, resources: sortLikeStateList(resources) };
    resources.push(next.value);
  }
}
