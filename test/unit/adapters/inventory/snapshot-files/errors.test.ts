import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  parseInventoryDocument,
  parseInventoryText,
} from '../../../../../lib/adapters/inventory/snapshot-files/index.ts';
import { InventoryParseError } from '../../../../../lib/core/model/errors.ts';

function errorOf(fn: () => unknown): unknown {
  try {
    fn();
  } catch (e) {
    return e;
  }
  return undefined;
}

/** Either a snapshot or an InventoryParseError with one line naming the file: nothing else. */
function readsOrFailsCleanly(fn: () => unknown): boolean {
  const e = errorOf(fn);
  if (e === undefined) return true;
  return e instanceof InventoryParseError && e.message.startsWith('inv.json: ') && !e.message.includes('\n');
}

describe('inventory parse errors', () => {
  it('names the file and the expected formats for unrecognised content', () => {
    expect(() => parseInventoryText('{"hello":"world"}', 'inv.json')).toThrow(
      'inv.json: not a recognised inventory export (expected AWS Config, Azure Resource Graph / az resource list, Cloud Asset or Kubernetes JSON)',
    );
    expect(errorOf(() => parseInventoryText('just some text', 'inv.json'))).toBeInstanceOf(
      InventoryParseError,
    );
  });

  it('reports bad JSON with the parser message', () => {
    const e = errorOf(() => parseInventoryText('{"configurationItems": [', 'inv.json')) as Error;
    expect(e).toBeInstanceOf(InventoryParseError);
    expect(e.message).toMatch(/^inv\.json: invalid JSON: /);
  });

  it('reports bad YAML', () => {
    const e = errorOf(() => parseInventoryText('kind: List\nitems: [a, b\n', 'inv.yaml')) as Error;
    expect(e.message).toMatch(/^inv\.yaml: invalid YAML: /);
  });

  it('rejects YAML that is not plain data (self-referencing alias, unknown alias, binary)', () => {
    for (const text of ['&a [*a]', '*a', 'kind: List\nitems: !!binary aGVsbG8=\n']) {
      const e = errorOf(() => parseInventoryText(text, 'inv.yaml')) as Error;
      expect(e).toBeInstanceOf(InventoryParseError);
      expect(e.message).toMatch(/^inv\.yaml: invalid YAML: /);
    }
  });

  it('reports an empty file and an invalid configuration string', () => {
    expect(() => parseInventoryText('  \n', 'inv.json')).toThrow('inv.json: file is empty');
    const bad = JSON.stringify({
      configurationItems: [{ resourceType: 'AWS::S3::Bucket', resourceId: 'b', configuration: '{' }],
    });
    expect(() => parseInventoryText(bad, 'inv.json')).toThrow(
      'inv.json: configurationItems[0]: configuration is a string but not valid JSON',
    );
  });

  it('reads an empty listing as an empty snapshot with no evidence', () => {
    expect(parseInventoryText('[]', 'inv.json')).toEqual({ resources: [], coverage: [] });
    expect(parseInventoryText('{"kind":"List","apiVersion":"v1","items":[]}', 'inv.json').coverage).toEqual(
      [],
    );
  });

  it('never throws anything but InventoryParseError on arbitrary text', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 400 }), (text) =>
        readsOrFailsCleanly(() => parseInventoryText(text, 'inv.json')),
      ),
      { numRuns: 500 },
    );
  });

  it('never throws anything but InventoryParseError on arbitrary JSON', () => {
    fc.assert(
      fc.property(fc.jsonValue(), (v) =>
        readsOrFailsCleanly(() => parseInventoryText(JSON.stringify(v), 'inv.json')),
      ),
      { numRuns: 500 },
    );
  });

  it('never throws anything else on arbitrary content inside each known wrapper', () => {
    const anyItem = fc.oneof(
      fc.jsonValue(),
      fc.record(
        {
          resourceType: fc.constant('AWS::S3::Bucket'),
          resourceId: fc.jsonValue(),
          configuration: fc.jsonValue(),
          tags: fc.jsonValue(),
          supplementaryConfiguration: fc.jsonValue(),
        },
        { requiredKeys: ['resourceType'] },
      ),
      fc.record(
        {
          id: fc.constant('/subscriptions/x/y'),
          type: fc.jsonValue(),
          tags: fc.jsonValue(),
          changedTime: fc.jsonValue(),
        },
        { requiredKeys: ['id'] },
      ),
      fc.record(
        {
          name: fc.string(),
          assetType: fc.string(),
          resource: fc.jsonValue(),
          ancestors: fc.jsonValue(),
          updateTime: fc.jsonValue(),
        },
        { requiredKeys: ['name', 'assetType'] },
      ),
      fc.record(
        { apiVersion: fc.string(), kind: fc.string(), metadata: fc.jsonValue() },
        { requiredKeys: ['apiVersion', 'kind'] },
      ),
    );
    const items = fc.array(anyItem, { maxLength: 4 });
    const doc = fc.oneof(
      items,
      items.map((baseConfigurationItems) => ({ baseConfigurationItems })),
      items.map((configurationItems) => ({ configurationItems })),
      items.map((xs) => ({ Results: xs.map((x) => JSON.stringify(x)), QueryInfo: {} })),
      items.map((data) => ({ count: data.length, data, skip_token: null })),
      items.map((value) => ({ value })),
      items.map((assets) => ({ assets })),
      items.map((xs) => ({ apiVersion: 'apps/v1', kind: 'DeploymentList', items: xs })),
    );
    fc.assert(
      fc.property(
        doc,
        (d) =>
          readsOrFailsCleanly(() => parseInventoryDocument(d, 'inv.json')) &&
          readsOrFailsCleanly(() => parseInventoryText(JSON.stringify(d), 'inv.json')),
      ),
      { numRuns: 800 },
    );
  });
});
