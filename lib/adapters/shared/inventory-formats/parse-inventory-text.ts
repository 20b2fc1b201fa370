import type { InventorySnapshot } from '../../../core/model/coverage.ts';
import { InventoryParseError } from '../../../core/model/errors.ts';
import { awsConfigReader } from './aws-config.ts';
import { azureReader } from './azure-resources.ts';
import { decodeText } from './decode-text.ts';
import { gcpReader } from './gcp-cloud-asset.ts';
import { kubernetesReader } from './kubernetes-objects.ts';
import type { FormatReader, ReadContext } from './reader.ts';

/** Options shared by every reader. */
export interface InventoryReadOptions {
  /** Cluster name for Kubernetes objects (scope `kubernetes:<cluster>`); default `default`. */
  cluster?: string;
}

const READERS: FormatReader[] = [awsConfigReader, azureReader, gcpReader, kubernetesReader];

const EXPECTED =
  'not a recognised inventory export (expected AWS Config, Azure Resource Graph / az resource list, Cloud Asset or Kubernetes JSON)';

/**
 * Reads an inventory export's text, auto-detecting its format. Throws only InventoryParseError, with
 * one line naming `source` and what was wrong.
 */
export function parseInventoryText(
  text: string,
  source: string,
  opts: InventoryReadOptions = {},
): InventorySnapshot {
  return guarded(source, () => {
    const ctx = contextOf(source, opts);
    return parseInventoryDocument(decodeText(text, ctx), source, opts);
  });
}

/** Same as parseInventoryText for an already parsed document (or array of NDJSON lines). */
export function parseInventoryDocument(
  doc: unknown,
  source: string,
  opts: InventoryReadOptions = {},
): InventorySnapshot {
  return guarded(source, () => {
    const ctx = contextOf(source, opts);
    // An empty listing (`az resource list` of an empty subscription, `[]`) holds nothing and proves nothing.
    if (Array.isArray(doc) && doc.every((d) => d === null)) return { resources: [], coverage: [] };
    const reader = READERS.find((r) => r.matches(doc));
    if (!reader) throw new InventoryParseError(EXPECTED, source);
    return reader.read(doc, ctx);
  });
}

function contextOf(source: string, opts: InventoryReadOptions): ReadContext {
  return { source, cluster: opts.cluster ?? 'default' };
}

// Deeply nested or hostile input can still trip the runtime (stack depth); users get one line anyway.
function guarded<T>(source: string, fn: () => T): T {
  try {
    return fn();
  } catch (e) {
    if (e instanceof InventoryParseError) throw e;
    const message = e instanceof Error ? e.message.split('\n')[0] : String(e);
    throw new InventoryParseError(`could not read inventory: ${message}`, source);
  }
}
