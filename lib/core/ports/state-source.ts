import type { StateDocument } from '../model/state-resource.ts';

/** Anything that yields desired state: a .tfstate file, a folder, s3://, a manifest directory. */
export interface StateSource {
  readonly name: string;
  read(): Promise<StateDocument[]>;
}
