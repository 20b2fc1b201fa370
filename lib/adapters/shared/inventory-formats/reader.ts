import type { InventorySnapshot } from '../../../core/model/coverage.ts';
import { InventoryParseError } from '../../../core/model/errors.ts';

/** Where a document came from and how to scope what has no scope of its own (Kubernetes). */
export interface ReadContext {
  /** File name as the user gave it; every error message starts with it. */
  source: string;
  /** Cluster name for Kubernetes objects, which do not say which cluster they came from. */
  cluster: string;
}

/** One native export format: recognises a parsed document and turns it into canonical resources. */
export interface FormatReader {
  /** True when the parsed document is this format (wrapper object or bare array of items). */
  matches(doc: unknown): boolean;
  read(doc: unknown, ctx: ReadContext): InventorySnapshot;
}

/** Throws the one-line error every reader uses for malformed input. */
export function fail(ctx: ReadContext, message: string): never {
  throw new InventoryParseError(message, ctx.source);
}
