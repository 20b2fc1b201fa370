import { statSync, writeFileSync } from 'node:fs';
import { afterEach, describe, expect, it } from 'vitest';
import {
  type CachedState,
  FileStateCache,
  MemoryStateCache,
  newCounters,
  readThroughCache,
} from '../../../lib/adapters/shared/state-cache/index.ts';
import type { StateDocument } from '../../../lib/core/model/state-resource.ts';
import { cacheFiles, tempDir } from './helpers.ts';

const doc = (serial: number): StateDocument => ({
  source: 's3://b/k',
  version: 4,
  terraformVersion: '1.9.5',
  serial,
  lineage: 'l',
  resources: [
    {
      source: 's3://b/k',
      address: 'aws_db_instance.main',
      mode: 'managed',
      type: 'aws_db_instance',
      name: 'main',
      module: null,
      index: null,
      provider: 'provider["registry.terraform.io/hashicorp/aws"]',
      cloud: 'aws',
      id: 'db-1',
      attributes: { id: 'db-1', password: { $sensitive: 'hmac:0011223344556677' } },
    },
  ],
});
const entry = (serial: number): CachedState => ({
  etag: '"e1"',
  sealedWith: 'probe',
  documents: [doc(serial)],
});

const temps: Array<() => void> = [];
afterEach(() => {
  for (const remove of temps.splice(0)) remove();
});

describe('FileStateCache', () => {
  it('round-trips an entry in an owner-only file, whatever the umask', async () => {
    const tmp = tempDir('dw-cache-');
    temps.push(tmp.remove);
    const cache = new FileStateCache(`${tmp.dir}/c`);
    const old = process.umask(0o000);
    try {
      await cache.set('s3://b/k', entry(1));
    } finally {
      process.umask(old);
    }
    expect(await cache.get('s3://b/k')).toEqual(entry(1));
    expect(statSync(`${tmp.dir}/c`).mode & 0o777).toBe(0o700);
    expect(cacheFiles(`${tmp.dir}/c`).map((f) => f.mode)).toEqual([0o600]);
    await cache.set('s3://b/k', entry(2)); // replaced in place, no temp files left behind
    expect((await cache.get('s3://b/k'))?.documents[0]?.serial).toBe(2);
    expect(cacheFiles(`${tmp.dir}/c`)).toHaveLength(1);
  });

  it('treats a torn, foreign or older-format file as a miss', async () => {
    const tmp = tempDir('dw-cache-');
    temps.push(tmp.remove);
    const cache = new FileStateCache(tmp.dir);
    expect(await cache.get('s3://b/k')).toBeUndefined();
    writeFileSync(cache.pathOf('s3://b/k'), '{"format":1,"key":"s3://b/k","etag":"x"');
    expect(await cache.get('s3://b/k')).toBeUndefined();
    writeFileSync(cache.pathOf('s3://b/k'), JSON.stringify({ format: 1, key: 's3://other/k', ...entry(1) }));
    expect(await cache.get('s3://b/k')).toBeUndefined();
    writeFileSync(cache.pathOf('s3://b/k'), JSON.stringify({ format: 0, key: 's3://b/k', ...entry(1) }));
    expect(await cache.get('s3://b/k')).toBeUndefined();
  });
});

describe('readThroughCache', () => {
  const hasher = (p: string) => `h(${p.length})`;
  const base = (
    cache: MemoryStateCache,
    seen: Array<string | undefined>,
    answers: Array<'304' | number>,
  ) => ({
    key: 's3://b/k',
    cache,
    counters: newCounters(),
    hasher,
    fetch: async (ifNoneMatch: string | undefined) => {
      seen.push(ifNoneMatch);
      const a = answers.shift();
      if (a === '304') return { notModified: true as const };
      return { notModified: false as const, etag: `"e${a}"`, body: a ?? 0 };
    },
    parse: async (serial: number) => doc(serial),
  });

  it('sends the cached ETag only when the entry was sealed with the same key', async () => {
    const cache = new MemoryStateCache();
    const seen: Array<string | undefined> = [];
    await readThroughCache(base(cache, seen, [1]));
    const hit = base(cache, seen, ['304']);
    expect((await readThroughCache(hit)).serial).toBe(1);
    expect(hit.counters).toEqual({ downloads: 0, cacheHits: 1, parses: 0 });
    const rekeyed = { ...base(cache, seen, [2]), hasher: (p: string) => `other(${p})` };
    expect((await readThroughCache(rekeyed)).serial).toBe(2);
    expect(seen).toEqual([undefined, '"e1"', undefined]);
  });

  it('re-reads plainly when a server answers 304 to a request the cache cannot serve', async () => {
    const seen: Array<string | undefined> = [];
    const cache = new MemoryStateCache();
    await cache.set('s3://b/k', {
      etag: '"e9"',
      sealedWith: hasher('driftwatch/state-cache/sealed-with'),
      documents: [],
    });
    const opts = base(cache, seen, ['304', 3]);
    expect((await readThroughCache(opts)).serial).toBe(3);
    expect(seen).toEqual([undefined, undefined]);
    expect(opts.counters.downloads).toBe(1);
  });
});
