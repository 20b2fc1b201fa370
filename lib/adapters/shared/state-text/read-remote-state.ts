import { DriftwatchError } from '../../../core/model/errors.ts';
import type { StateDocument } from '../../../core/model/state-resource.ts';
import { type FetchResult, type ReadCounters, readThroughCache } from '../state-cache/index.ts';
import type { RemoteStateOptions } from './options.ts';
import { parseStateBody, type StateBody } from './parse-state-body.ts';

/**
 * One remote state object read through the ETag cache and parsed (streamed when large): what the
 * S3, Azure Blob and GCS sources share. Each gives its conditional fetch and its error wording.
 */
export async function readRemoteState(opts: {
  url: string;
  options: RemoteStateOptions;
  counters: ReadCounters;
  fetch(ifNoneMatch: string | undefined): Promise<FetchResult<StateBody>>;
  toError(err: unknown, url: string): Error;
}): Promise<StateDocument> {
  const { url, options, counters } = opts;
  try {
    return await readThroughCache<StateBody>({
      key: url,
      cache: options.cache,
      counters,
      hasher: options.hasher,
      fetch: opts.fetch,
      parse: (body) =>
        parseStateBody(body, {
          source: url,
          hasher: options.hasher,
          counters,
          streamThresholdBytes: options.streamThresholdBytes,
        }),
    });
  } catch (err) {
    throw err instanceof DriftwatchError ? err : opts.toError(err, url);
  }
}

/** A conditional GET whose 304 surfaces as an error (S3, Azure): notModified instead. */
export async function conditionalGet(
  ifNoneMatch: string | undefined,
  isNotModified: (err: unknown) => boolean,
  get: () => Promise<FetchResult<StateBody>>,
): Promise<FetchResult<StateBody>> {
  try {
    return await get();
  } catch (err) {
    if (ifNoneMatch !== undefined && isNotModified(err)) return { notModified: true };
    throw err;
  }
}
