export { FileStateSource, type FileStateSourceOptions } from './file-state-source.ts';
export { listStateFiles } from './list-state-files.ts';
export { readStateFile, readStateFileResources, STREAM_THRESHOLD_BYTES } from './read-state-file.ts';
