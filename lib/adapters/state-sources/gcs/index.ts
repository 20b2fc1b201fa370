export { GcsStateSource, type GcsStateSourceOptions } from './gcs-state-source.ts';
export { type GcsLocation, parseGcsUrl, workspaceObject } from './gcs-url.ts';
