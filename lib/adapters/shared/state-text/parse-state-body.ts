import { parseTerraformState, readTerraformStateStream } from '../../../../state-parsers/terraform/index.ts';
import type { SensitiveHasher } from '../../../core/model/sensitive.ts';
import type { StateDocument } from '../../../core/model/state-resource.ts';
import type { ReadCounters } from '../state-cache/state-cache.ts';

/** Bodies larger than this are parsed as a stream, never held as one string (same as local files). */
export const REMOTE_STREAM_THRESHOLD_BYTES = 256 * 1024 * 1024;

export interface StateBody {
  /** Content-Length as the service reported it; unknown sizes are streamed. */
  size: number | null;
  chunks: AsyncIterable<Uint8Array>;
}

export interface ParseBodyOptions {
  source: string;
  hasher: SensitiveHasher;
  counters: ReadCounters;
  streamThresholdBytes?: number;
}

/** Parses a downloaded state: in memory when small, streamed resource by resource when large. */
export async function parseStateBody(body: StateBody, opts: ParseBodyOptions): Promise<StateDocument> {
  opts.counters.parses++;
  const threshold = opts.streamThresholdBytes ?? REMOTE_STREAM_THRESHOLD_BYTES;
  if (body.size === null || body.size > threshold)
    return readTerraformStateStream(body.chunks, { source: opts.source, hasher: opts.hasher });
  const parts: Uint8Array[] = [];
  for await (const chunk of body.chunks) parts.push(chunk);
  const text = Buffer.concat(parts).toString('utf8');
  return parseTerraformState(text, { source: opts.source, hasher: opts.hasher });
}
