import { rmSync } from 'node:fs';
import { dashboardBundleSize } from '../lib/dashboard/bundle-size.ts';
import { benchScanVsParse } from './scan-vs-parse.ts';
import { benchStoreList } from './store-list.ts';
import { benchStreamHugeState } from './stream-state.ts';

// `npm run bench`: every performance claim in the docs comes from this output, measured as ratios
// inside one run so machine speed cancels out.
function print(title: string, rows: Record<string, string | number>): void {
  console.log(`\n## ${title}`);
  for (const [k, v] of Object.entries(rows)) console.log(`  ${k.padEnd(34)} ${v}`);
}

const only = process.argv[2];
if (!only || only === 'scan') print('Scan vs JSON.parse (100,000 instances, 1% drift)', benchScanVsParse());
if (!only || only === 'store') {
  process.env.AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED = 'true';
  print(
    'Drift store (embedded DynamoDB): listing active drifts, unchanged rescan',
    await benchStoreList(100_000),
  );
}
if (!only || only === 'dashboard') {
  const b = dashboardBundleSize();
  print('Dashboard bundle (served as is, no build)', {
    'JS files': b.jsFiles,
    'JS KB raw': Math.round(b.jsBytes / 1024),
    'JS KB gzipped (goal < 150)': Math.round(b.jsGzipBytes / 1024),
    'all assets KB gzipped': Math.round(b.totalGzipBytes / 1024),
  });
}
if (!only || only === 'enumerate') {
  // Live inventory enumeration of 50,000 resources from the local wire-format fakes (in-process,
  // so wall time includes the fake server; the call counts are what matter against real APIs).
  process.env.AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED = 'true';
  const { benchEnumerateAws } = await import('./enumerate-aws.ts');
  const { benchEnumerateAzure } = await import('./enumerate-azure.ts');
  const { benchEnumerateGcp } = await import('./enumerate-gcp.ts');
  const { benchEnumerateKubernetes } = await import('./enumerate-kubernetes.ts');
  print('Enumerate 50,000 resources: AWS Config advanced query', await benchEnumerateAws(50_000));
  print('Enumerate 50,000 resources: Azure Resource Graph', await benchEnumerateAzure(50_000));
  print('Enumerate 50,000 resources: GCP Cloud Asset listAssets', await benchEnumerateGcp(50_000));
  print('Enumerate 50,000 resources: Kubernetes chunked lists', await benchEnumerateKubernetes(50_000));
}
if (!only || only === 'stream') {
  print('Streaming a >600 MB state', await benchStreamHugeState());
  rmSync('.bench/huge.tfstate', { force: true });
}
if (!only || only === 'bundles') {
  // Every Lambda bundled exactly as NodejsFunction does (lib/infra/bundling-options.ts), then
  // imported cold in a fresh node: the size and init cost each function pays on a cold start.
  const { benchBundles } = await import('./bundles.ts');
  print(
    'Lambda bundles (minified ESM, AWS SDK bundled): MB, top 3 contributors, cold import',
    await benchBundles(),
  );
}
