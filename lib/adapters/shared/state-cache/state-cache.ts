import { z } from 'zod';
import { StateResourceSchema } from '../../../core/model/state-resource.ts';

/** A parsed StateDocument as stored in a cache (its values were sealed by the parser). */
export const CachedDocumentSchema = z.object({
  source: z.string(),
  version: z.number(),
  terraformVersion: z.string().nullable(),
  serial: z.number().nullable(),
  lineage: z.string().nullable(),
  resources: z.array(StateResourceSchema),
});

/** One cached state: the validator it was read under and what parsing it produced. */
export const CachedStateSchema = z.object({
  /** ETag (S3, Azure) or `generation:<n>` (GCS) of the object these documents came from. */
  etag: z.string().min(1),
  /** Fingerprint of the hasher that sealed the values: another key means other hashes. */
  sealedWith: z.string(),
  documents: z.array(CachedDocumentSchema),
});
export type CachedState = z.infer<typeof CachedStateSchema>;

/** Where parsed remote states are kept between reads, keyed by the object's URL. */
export interface StateCache {
  get(key: string): Promise<CachedState | undefined>;
  set(key: string, entry: CachedState): Promise<void>;
}

/** What a remote state source did, for tests and progress output. */
export interface ReadCounters {
  /** Object bodies fetched (a 304 is not a download). */
  downloads: number;
  /** Reads answered from the cache because the object was unchanged. */
  cacheHits: number;
  /** Bodies handed to the Terraform state parser. */
  parses: number;
}

/** Fresh zeroed counters. */
export function newCounters(): ReadCounters {
  return { downloads: 0, cacheHits: 0, parses: 0 };
}
