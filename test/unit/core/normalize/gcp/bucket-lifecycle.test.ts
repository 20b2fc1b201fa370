import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  apiLifecycleRules,
  tfLifecycleRules,
} from '../../../../../lib/core/normalize/gcp/bucket-lifecycle.ts';

describe('bucket lifecycle rules', () => {
  it('provider blocks (zeros, empty strings, with_state) and API rules meet in one shape', () => {
    const tf = [
      {
        action: [{ type: 'Delete', storage_class: '' }],
        condition: [
          {
            age: 0,
            created_before: '',
            matches_prefix: [],
            matches_suffix: ['.tmp'],
            num_newer_versions: 5,
            with_state: 'ARCHIVED',
            days_since_noncurrent_time: 0,
          },
        ],
      },
    ];
    const api = [
      {
        action: { type: 'Delete' },
        condition: { matchesSuffix: ['.tmp'], numNewerVersions: '5', isLive: false },
      },
    ];
    expect(tfLifecycleRules(tf)).toEqual([
      { type: 'Delete', matches_suffix: ['.tmp'], num_newer_versions: 5, is_live: false },
    ]);
    expect(apiLifecycleRules(api)).toEqual(tfLifecycleRules(tf));
  });

  it('with_state ANY is the same as no isLive', () => {
    const tf = [{ action: [{ type: 'Delete' }], condition: [{ age: 7, with_state: 'ANY' }] }];
    expect(tfLifecycleRules(tf)).toEqual(
      apiLifecycleRules([{ action: { type: 'Delete' }, condition: { age: 7 } }]),
    );
  });

  it('never throws on arbitrary input', () => {
    fc.assert(
      fc.property(fc.jsonValue(), (v) => {
        expect(Array.isArray(tfLifecycleRules(v))).toBe(true);
        expect(Array.isArray(apiLifecycleRules(v))).toBe(true);
      }),
    );
  });
});
