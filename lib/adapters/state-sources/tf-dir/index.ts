export { type DiscoverTfDirOptions, discoverTfDir } from './discover-tf-dir.ts';
export { discoverTfDirs } from './discover-tf-dirs.ts';
export { loadHclParser } from './load-hcl-parser.ts';
export { type TfDirDiscovery, TfDirDiscoverySchema } from './tf-dir-discovery.ts';
