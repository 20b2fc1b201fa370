import { gzipSync } from 'node:zlib';
import { dashboardAssets, readAsset } from './assets.ts';

export interface BundleSize {
  /** JavaScript modules the browser loads (app + vendor). */
  jsFiles: number;
  jsBytes: number;
  /** Sum of each module gzipped on its own (what a gzip-serving host sends). */
  jsGzipBytes: number;
  /** Every asset (html, css, svg included), gzipped. */
  totalGzipBytes: number;
}

/** Size of what the dashboard ships, for `npm run bench` (goal: < 150 KB gzipped JS). */
export function dashboardBundleSize(): BundleSize {
  const size = { jsFiles: 0, jsBytes: 0, jsGzipBytes: 0, totalGzipBytes: 0 };
  for (const [url, asset] of dashboardAssets()) {
    const text = Buffer.from(readAsset(asset), 'utf8');
    const gz = gzipSync(text, { level: 9 }).length;
    size.totalGzipBytes += gz;
    if (!url.endsWith('.js')) continue;
    size.jsFiles++;
    size.jsBytes += text.length;
    size.jsGzipBytes += gz;
  }
  return size;
}
