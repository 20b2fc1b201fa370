export { runScan } from './scan.ts';
export type { Classifier, IgnorePolicy, ScanInput } from './types.ts';
