import type { Call } from './caller.ts';
import type { AssetClient } from './clients.ts';
import type { RawPages } from './raw-pages.ts';
import { assetJson } from './rest-json.ts';

export const PAGE_SIZE = 1000;

/** What a listing got: every asset read, and the error that cut it short (if one did). */
export interface Listing {
  assets: Record<string, unknown>[];
  error?: unknown;
}

/**
 * Lists one parent page by page (`listAssets`, contentType RESOURCE, 1000 per page, the API's
 * maximum). Pages are fetched in order (each needs the previous token); a page that fails past
 * retries ends the listing, keeping what was read so its projects can be marked incomplete.
 */
export async function listParent(
  client: AssetClient,
  call: Call,
  parent: string,
  assetTypes: readonly string[],
  pages?: RawPages,
): Promise<Listing> {
  const assets: Record<string, unknown>[] = [];
  let pageToken = '';
  try {
    do {
      const request = {
        parent,
        contentType: 'RESOURCE' as const,
        assetTypes: [...assetTypes],
        pageSize: PAGE_SIZE,
        pageToken,
      };
      const [page, , response] = await call('listAssets', parent, () =>
        client.listAssets(request, { autoPaginate: false, retry: null }),
      );
      const raw = pages?.take(`/v1/${parent}/assets`, pageToken);
      if (raw) for (const a of raw) assets.push(a as Record<string, unknown>);
      else for (const a of page) assets.push(assetJson(a));
      pageToken = response?.nextPageToken ?? '';
    } while (pageToken);
    return { assets };
  } catch (error) {
    return { assets, error };
  }
}
