import type { SensitiveHasher } from '../../../core/model/sensitive.ts';
import type { StateDocument } from '../../../core/model/state-resource.ts';
import type { ReadCounters, StateCache } from './state-cache.ts';

/** What fetching one object returned: unchanged since `etag`, or a fresh body to parse. */
export type FetchResult<B> = { notModified: true } | { notModified: false; etag: string | null; body: B };

export interface ConditionalReadOptions<B> {
  /** Cache key: the object's URL. */
  key: string;
  cache: StateCache | undefined;
  counters: ReadCounters;
  hasher: SensitiveHasher;
  /** Fetches the object, conditionally when `ifNoneMatch` is given (304 → notModified). */
  fetch(ifNoneMatch: string | undefined): Promise<FetchResult<B>>;
  /** Parses a fetched body into documents. */
  parse(body: B): Promise<StateDocument>;
}

// A fixed probe: the keyed hash of a constant reveals nothing, and changes when the key does.
const PROBE = 'driftwatch/state-cache/sealed-with';

/** Reads one object through the cache: an unchanged object is neither downloaded nor parsed. */
export async function readThroughCache<B>(opts: ConditionalReadOptions<B>): Promise<StateDocument> {
  const sealedWith = opts.hasher(PROBE);
  const cached = opts.cache ? await opts.cache.get(opts.key) : undefined;
  const usable =
    cached && cached.sealedWith === sealedWith && cached.documents.length === 1 ? cached : undefined;
  let result = await opts.fetch(usable?.etag);
  if (result.notModified) {
    if (usable?.documents[0]) {
      opts.counters.cacheHits++;
      return usable.documents[0];
    }
    result = await opts.fetch(undefined); // a 304 we did not ask for: read it plainly
    if (result.notModified) throw new Error('the server answered 304 Not Modified to a plain read');
  }
  opts.counters.downloads++;
  const doc = await opts.parse(result.body);
  if (opts.cache && result.etag)
    await opts.cache.set(opts.key, { etag: result.etag, sealedWith, documents: [doc] });
  return doc;
}
