import { readFile } from 'node:fs/promises';
import { promisify } from 'node:util';
import { gunzip } from 'node:zlib';
import type { InventorySnapshot } from '../../../core/model/coverage.ts';
import { InventoryParseError } from '../../../core/model/errors.ts';
import {
  type InventoryReadOptions,
  parseInventoryDocument,
  parseInventoryText,
} from '../../shared/inventory-formats/parse-inventory-text.ts';

const gunzipAsync = promisify(gunzip);

/**
 * Reads one inventory export file (JSON, NDJSON, YAML; gzip as AWS Config delivers to S3; UTF-16 as
 * PowerShell redirects write). Throws only InventoryParseError.
 */
export async function readInventoryFile(
  path: string,
  opts: InventoryReadOptions = {},
): Promise<InventorySnapshot> {
  let buf: Buffer;
  try {
    buf = await readFile(path);
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    throw new InventoryParseError(
      code === 'ENOENT' ? 'no such file' : `cannot read file (${code ?? e})`,
      path,
    );
  }
  if (buf[0] === 0x1f && buf[1] === 0x8b) {
    try {
      buf = await gunzipAsync(buf);
    } catch {
      throw new InventoryParseError('looks gzip-compressed but could not be decompressed', path);
    }
  }
  // NDJSON is split on the bytes, so an export bigger than one JS string (~512 MB) still reads.
  const lines = ndjsonLines(buf, path);
  if (lines) return parseInventoryDocument(lines, path, opts);
  let text: string;
  try {
    text = buf[0] === 0xff && buf[1] === 0xfe ? buf.toString('utf16le', 2) : buf.toString('utf8');
  } catch {
    const mb = Math.round(buf.length / 2 ** 20);
    throw new InventoryParseError(
      `file is too large to read as one document (${mb} MB); export NDJSON`,
      path,
    );
  }
  return parseInventoryText(text, path, opts);
}

/** The parsed lines when the buffer is NDJSON (first line a whole JSON object, more lines follow). */
function ndjsonLines(buf: Buffer, path: string): unknown[] | undefined {
  const firstEnd = buf.indexOf(0x0a);
  if (firstEnd < 0 || buf[0] !== 0x7b) return undefined;
  if (!isJsonObject(buf.toString('utf8', 0, firstEnd))) return undefined;
  if (!hasContentAfter(buf, firstEnd)) return undefined;
  const out: unknown[] = [];
  let start = 0;
  let lineNo = 0;
  while (start < buf.length) {
    let end = buf.indexOf(0x0a, start);
    if (end < 0) end = buf.length;
    lineNo++;
    const line = buf.toString('utf8', start, end).trim();
    start = end + 1;
    if (line === '') continue;
    try {
      out.push(JSON.parse(line));
    } catch (e) {
      const why = e instanceof Error ? e.message.split('\n')[0] : String(e);
      throw new InventoryParseError(`line ${lineNo}: invalid JSON: ${why}`, path);
    }
  }
  return out;
}

function hasContentAfter(buf: Buffer, from: number): boolean {
  for (let i = from; i < buf.length; i++) {
    const b = buf[i];
    if (b !== 0x0a && b !== 0x0d && b !== 0x20 && b !== 0x09) return true;
  }
  return false;
}

function isJsonObject(text: string): boolean {
  try {
    const v: unknown = JSON.parse(text);
    return typeof v === 'object' && v !== null && !Array.isArray(v);
  } catch {
    return false;
  }
}
