import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  armAccessPolicies,
  tfAccessPolicies,
} from '../../../../../lib/core/normalize/azure/access-policies.ts';

describe('key vault access policies', () => {
  it('provider blocks and ARM entries meet (case, order, empty lists)', () => {
    const tf = [
      {
        tenant_id: '3B1E9D47-0C2A-4F6E-8D5B-A1C2E3F4A5B6',
        object_id: 'a1b2c3d4-0000-4000-8000-000000000001',
        application_id: '',
        key_permissions: [],
        secret_permissions: ['List', 'Get'],
        certificate_permissions: [],
        storage_permissions: [],
      },
    ];
    const arm = [
      {
        tenantId: '3b1e9d47-0c2a-4f6e-8d5b-a1c2e3f4a5b6',
        objectId: 'a1b2c3d4-0000-4000-8000-000000000001',
        permissions: { secrets: ['get', 'list'], keys: [], certificates: [] },
      },
    ];
    expect(armAccessPolicies(arm)).toEqual(tfAccessPolicies(tf));
    expect(tfAccessPolicies(tf)).toEqual([
      {
        tenant_id: '3b1e9d47-0c2a-4f6e-8d5b-a1c2e3f4a5b6',
        object_id: 'a1b2c3d4-0000-4000-8000-000000000001',
        secret_permissions: ['get', 'list'],
      },
    ]);
  });

  it('never throws on arbitrary input', () => {
    fc.assert(
      fc.property(fc.jsonValue(), (v) => {
        expect(Array.isArray(tfAccessPolicies(v))).toBe(true);
        expect(Array.isArray(armAccessPolicies(v))).toBe(true);
      }),
    );
  });
});
