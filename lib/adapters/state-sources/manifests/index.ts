export { ManifestStateSource, type SkippedFile } from './manifest-state-source.ts';
