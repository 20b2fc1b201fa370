import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { stableStringify } from '../../../../../lib/core/model/stable-json.ts';
import type { StateResource } from '../../../../../lib/core/model/state-resource.ts';
import { awsTags, desiredAwsTags, hasTagsAll } from '../../../../../lib/core/normalize/aws/tags-all.ts';

const res = (attributes: Record<string, unknown>): StateResource => ({
  source: 's',
  address: 'aws_vpc.a',
  mode: 'managed',
  type: 'aws_vpc',
  name: 'a',
  module: null,
  index: null,
  provider: 'aws',
  cloud: 'aws',
  id: 'vpc-1',
  attributes,
});

describe('tags-all', () => {
  it('tags_all (with provider default_tags) wins over tags', () => {
    const r = res({ tags: { Name: 'a' }, tags_all: { Name: 'a', env: 'prod' } });
    expect(desiredAwsTags(r)).toEqual({ Name: 'a', env: 'prod' });
    expect(hasTagsAll(r)).toBe(true);
  });

  it('provider v3 states without tags_all fall back to tags; no tags at all is undefined', () => {
    expect(desiredAwsTags(res({ tags: { Name: 'a' } }))).toEqual({ Name: 'a' });
    expect(desiredAwsTags(res({}))).toBeUndefined();
    expect(hasTagsAll(res({ tags: null, tags_all: {} }))).toBe(true);
  });

  it('aws:* tags are dropped; values become text', () => {
    expect(awsTags.apply({ 'aws:cloudformation:stack-name': 's', AWS: 'x', n: 5 })).toEqual({
      AWS: 'x',
      n: '5',
    });
  });

  it('property: idempotent and key-order-insensitive', () => {
    fc.assert(
      fc.property(fc.dictionary(fc.string(), fc.string()), (tags) => {
        const once = awsTags.apply(tags);
        const reversed = awsTags.apply(Object.fromEntries(Object.entries(tags).reverse()));
        return (
          stableStringify(awsTags.apply(once)) === stableStringify(once) &&
          stableStringify(reversed) === stableStringify(once)
        );
      }),
    );
  });
});
