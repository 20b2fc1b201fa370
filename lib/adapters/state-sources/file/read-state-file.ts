import { createReadStream } from 'node:fs';
import { readFile, stat } from 'node:fs/promises';
import {
  parseTerraformState,
  parseTerraformStateStream,
  readTerraformStateStream,
  type StateHeader,
} from '../../../../state-parsers/terraform/index.ts';
import { StateParseError } from '../../../core/model/errors.ts';
import type { SensitiveHasher } from '../../../core/model/sensitive.ts';
import type { StateDocument, StateResource } from '../../../core/model/state-resource.ts';

/** Files above this size are streamed instead of read into one string. */
export const STREAM_THRESHOLD_BYTES = 256 * 1024 * 1024;

/** The one-line message for a file that cannot be read at all. */
export function ioError(err: unknown, path: string): StateParseError {
  const code = (err as { code?: string })?.code;
  if (code === 'ENOENT') return new StateParseError('no such file or folder', path);
  if (code === 'EACCES' || code === 'EPERM') return new StateParseError('permission denied', path);
  if (code === 'EISDIR') return new StateParseError('is a folder, expected a .tfstate file', path);
  return new StateParseError(
    `cannot read the file (${code ?? (err as Error)?.message ?? 'unknown error'})`,
    path,
  );
}

async function* fileChunks(path: string): AsyncGenerator<Uint8Array> {
  const stream = createReadStream(path, { highWaterMark: 4 * 1024 * 1024 });
  try {
    for await (const chunk of stream) yield chunk as Uint8Array;
  } catch (err) {
    throw ioError(err, path);
  }
}

/** Reads one state file: in memory when small, streamed when large. */
export async function readStateFile(
  path: string,
  hasher: SensitiveHasher,
  streamThreshold = STREAM_THRESHOLD_BYTES,
): Promise<StateDocument> {
  const info = await stat(path).catch((err) => {
    throw ioError(err, path);
  });
  if (info.isDirectory()) throw ioError({ code: 'EISDIR' }, path);
  if (info.size > streamThreshold)
    return readTerraformStateStream(fileChunks(path), { source: path, hasher });
  const text = await readFile(path, 'utf8').catch((err) => {
    throw ioError(err, path);
  });
  return parseTerraformState(text, { source: path, hasher });
}

/** Streams one state file's resources to `onResource` without keeping them; returns the header. */
export async function readStateFileResources(
  path: string,
  hasher: SensitiveHasher,
  onResource: (r: StateResource) => void | Promise<void>,
): Promise<StateHeader> {
  const gen = parseTerraformStateStream(fileChunks(path), { source: path, hasher });
  for (;;) {
    const next = await gen.next();
    if (next.done) return next.value;
    await onResource(next.value);
  }
}
