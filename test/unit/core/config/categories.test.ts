import { describe, expect, it } from 'vitest';
import { CLASSIFY_RULES } from '../../../../lib/core/classify/rules.ts';
import { DriftCategorySchema } from '../../../../lib/core/config/config.ts';

describe('config categories', () => {
  it('are exactly the categories the classifier can assign', () => {
    const assigned = new Set(CLASSIFY_RULES.map((r) => r.category));
    for (const c of ['Missing', 'Unmanaged']) assigned.add(c);
    expect([...DriftCategorySchema.options].sort()).toEqual([...assigned].sort());
  });
});
