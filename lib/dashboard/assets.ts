import { readdirSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, extname, join, relative, sep } from 'node:path';
import { fileURLToPath } from 'node:url';

/** One servable file: where it lives and how to turn its bytes into what the browser gets. */
export interface Asset {
  file: string;
  contentType: string;
  transform?: (text: string) => string;
}

const STATIC_DIR = join(dirname(fileURLToPath(import.meta.url)), 'static');

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.svg': 'image/svg+xml',
};

// The browser resolves no bare specifiers without an import map (an inline script CSP forbids),
// so vendor modules import each other by relative URL; their source-map comments are dropped
// because the maps are not served.
const stripMap = (text: string) => text.replace(/\n\/\/# sourceMappingURL=\S+\s*$/, '\n');
const preactRelative = (text: string) =>
  stripMap(text).replace(/from\s*["']preact["']/g, 'from"./preact.js"');

/** Preact, its hooks and htm, resolved from node_modules (no copy, no bundler). */
function vendorAssets(): Record<string, Asset> {
  const require = createRequire(import.meta.url);
  const dist = (specifier: string) => dirname(require.resolve(specifier));
  const js = TYPES['.js']!;
  return {
    '/ui/vendor/preact.js': {
      file: join(dist('preact'), 'preact.module.js'),
      contentType: js,
      transform: stripMap,
    },
    '/ui/vendor/hooks.js': {
      file: join(dist('preact/hooks'), 'hooks.module.js'),
      contentType: js,
      transform: preactRelative,
    },
    '/ui/vendor/htm.js': { file: join(dist('htm'), 'htm.module.js'), contentType: js, transform: stripMap },
  };
}

function listFiles(dir: string): string[] {
  const out: string[] = [];
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const full = join(dir, entry.name);
    if (entry.isDirectory()) out.push(...listFiles(full));
    else if (entry.isFile()) out.push(full);
  }
  return out;
}

/** Every URL the dashboard serves → its file: a fixed table, so no request path ever reaches the file system. */
export function dashboardAssets(staticDir = STATIC_DIR): Map<string, Asset> {
  const assets = new Map<string, Asset>();
  for (const file of listFiles(staticDir)) {
    const type = TYPES[extname(file)];
    if (!type) continue;
    assets.set(`/ui/${relative(staticDir, file).split(sep).join('/')}`, { file, contentType: type });
  }
  for (const [url, asset] of Object.entries(vendorAssets())) assets.set(url, asset);
  return assets;
}

/** The text the browser receives for one asset. */
export function readAsset(asset: Asset): string {
  const text = readFileSync(asset.file, 'utf8');
  return asset.transform ? asset.transform(text) : text;
}
