import { Readable } from 'node:stream';
import { describe, expect, it } from 'vitest';
import {
  describeError,
  GcpTimeoutError,
  isRetryable,
} from '../../../../../lib/adapters/inventory/gcp-cloud-asset/errors.ts';
import { exportUri } from '../../../../../lib/adapters/inventory/gcp-cloud-asset/export-assets.ts';
import { ndjsonLines } from '../../../../../lib/adapters/inventory/gcp-cloud-asset/ndjson-lines.ts';
import { assetJson } from '../../../../../lib/adapters/inventory/gcp-cloud-asset/rest-json.ts';

const collect = async (chunks: (string | Buffer)[]) => {
  const out: string[] = [];
  for await (const l of ndjsonLines(Readable.from(chunks))) out.push(l);
  return out;
};

describe('ndjsonLines', () => {
  it('joins lines split across chunks, including a multi-byte character split in two', async () => {
    const text = Buffer.from('{"a":"é"}\n\n{"b":2}\r\n{"c":3}');
    const cut = text.indexOf(0xa9); // second byte of é
    expect(await collect([text.subarray(0, cut), text.subarray(cut, 12), text.subarray(12)])).toEqual([
      '{"a":"é"}',
      '{"b":2}',
      '{"c":3}',
    ]);
  });
});

describe('assetJson (the protobuf form gax decodes to, when raw pages are not at hand)', () => {
  it('turns Struct data and Timestamp back into REST JSON', () => {
    const decoded = {
      name: '//storage.googleapis.com/b',
      assetType: 'storage.googleapis.com/Bucket',
      ancestors: ['projects/1'],
      updateTime: { seconds: '1716192550', nanos: 111000000 },
      orgPolicy: [],
      resource: {
        version: 'v1',
        discoveryDocumentUri: '',
        discoveryName: 'Bucket',
        resourceUrl: '',
        parent: '//cloudresourcemanager.googleapis.com/projects/1',
        location: 'eu',
        data: {
          fields: {
            name: { stringValue: 'b', kind: 'stringValue' },
            n: { numberValue: 3, kind: 'numberValue' },
            on: { boolValue: false, kind: 'boolValue' },
            none: { nullValue: 'NULL_VALUE', kind: 'nullValue' },
            labels: {
              kind: 'structValue',
              structValue: { fields: { env: { stringValue: 'prod', kind: 'stringValue' } } },
            },
            list: { kind: 'listValue', listValue: { values: [{ numberValue: 1, kind: 'numberValue' }] } },
          },
        },
      },
    };
    expect(assetJson(decoded)).toEqual({
      name: '//storage.googleapis.com/b',
      assetType: 'storage.googleapis.com/Bucket',
      ancestors: ['projects/1'],
      updateTime: '2024-05-20T08:09:10.111Z',
      resource: {
        version: 'v1',
        discoveryDocumentUri: undefined,
        discoveryName: 'Bucket',
        parent: '//cloudresourcemanager.googleapis.com/projects/1',
        location: 'eu',
        data: { name: 'b', n: 3, on: false, none: null, labels: { env: 'prod' }, list: [1] },
      },
    });
  });
});

describe('errors', () => {
  it('retries throttling, unavailability and deadlines, never permission or argument errors', () => {
    const rpc = (code: number) => Object.assign(new Error('x'), { code });
    expect([8, 14, 13, 4, 10, 2].map((c) => isRetryable(rpc(c)))).toEqual([
      true,
      true,
      true,
      true,
      true,
      true,
    ]);
    expect([7, 3, 5, 16, 6].map((c) => isRetryable(rpc(c)))).toEqual([false, false, false, false, false]);
    expect([429, 503, 500, 408].map((c) => isRetryable(rpc(c)))).toEqual([true, true, true, true]);
    expect([403, 404, 501].map((c) => isRetryable(rpc(c)))).toEqual([false, false, false]);
    expect(isRetryable(new GcpTimeoutError(5))).toBe(true);
    expect(isRetryable(Object.assign(new Error('reset'), { code: 'ECONNRESET' }))).toBe(true);
  });

  it('describes an error in one line with its status name', () => {
    const e = Object.assign(new Error('Request denied by Cloud IAM.\nmore'), { code: 7 });
    expect(describeError(e)).toBe('PERMISSION_DENIED: Request denied by Cloud IAM.');
    expect(describeError(Object.assign(new Error('No such object'), { code: 404 }))).toBe(
      'HTTP 404: No such object',
    );
  });
});

describe('exportUri', () => {
  it('names the object by time and parent, and a retried request gets its own object', () => {
    const at = new Date('2026-11-24T06:00:00.123Z');
    expect(exportUri('gs://b/p/q/', 'folders/12', at, 0)).toBe(
      'gs://b/p/q/20261124T060000-123Z-folders-12.ndjson',
    );
    expect(exportUri('gs://b', 'organizations/9', at, 2)).toBe(
      'gs://b/20261124T060000-123Z-organizations-9-r2.ndjson',
    );
  });
});
