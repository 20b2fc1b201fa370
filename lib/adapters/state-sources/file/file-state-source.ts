import { stat } from 'node:fs/promises';
import { StateParseError } from '../../../core/model/errors.ts';
import type { SensitiveHasher } from '../../../core/model/sensitive.ts';
import type { StateDocument } from '../../../core/model/state-resource.ts';
import type { StateSource } from '../../../core/ports/state-source.ts';
import { listStateFiles } from './list-state-files.ts';
import { ioError, readStateFile, STREAM_THRESHOLD_BYTES } from './read-state-file.ts';

export interface FileStateSourceOptions {
  /** Files larger than this are streamed (default 256 MiB). */
  streamThresholdBytes?: number;
}

/** Desired state from a local `.tfstate` file, or every `*.tfstate` below a folder. */
export class FileStateSource implements StateSource {
  readonly name: string;

  constructor(
    private readonly path: string,
    private readonly hasher: SensitiveHasher,
    private readonly options: FileStateSourceOptions = {},
  ) {
    this.name = path;
  }

  async read(): Promise<StateDocument[]> {
    const info = await stat(this.path).catch((err) => {
      throw ioError(err, this.path);
    });
    const threshold = this.options.streamThresholdBytes ?? STREAM_THRESHOLD_BYTES;
    if (!info.isDirectory()) return [await readStateFile(this.path, this.hasher, threshold)];
    const files = await listStateFiles(this.path).catch((err) => {
      throw ioError(err, this.path);
    });
    const docs: StateDocument[] = [];
    for (const file of files) {
      // An empty leftover file holds no resources; skipping it loses nothing.
      const size = await stat(file).then(
        (s) => s.size,
        () => -1,
      );
      if (size === 0) continue;
      docs.push(await readStateFile(file, this.hasher, threshold));
    }
    if (docs.length === 0) throw new StateParseError('no *.tfstate files found in this folder', this.path);
    return docs;
  }
}
