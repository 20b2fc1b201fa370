import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { absentAsFalse, gcpDuration, upperCase } from '../../../../../lib/core/normalize/gcp/defaults.ts';
import { firewallEntrySet } from '../../../../../lib/core/normalize/gcp/firewall-rules.ts';
import {
  desiredGcpLabels,
  liveGcpLabels,
  metadataItemsToMap,
} from '../../../../../lib/core/normalize/gcp/labels.ts';
import { serviceAccountScopes } from '../../../../../lib/core/normalize/gcp/scopes.ts';
import {
  gcpProjectOf,
  gcpRelativeName,
  gcpShortName,
} from '../../../../../lib/core/normalize/gcp/self-link.ts';
import { genericNormalizer } from '../../../../../lib/core/normalize/generic.ts';

const anyJson = fc.jsonValue() as fc.Arbitrary<unknown>;
const idempotent = (n: { apply(v: unknown): unknown }, arb: fc.Arbitrary<unknown> = anyJson) =>
  fc.assert(
    fc.property(arb, (v) => {
      expect(n.apply(n.apply(v))).toEqual(n.apply(v));
    }),
  );

describe('self links', () => {
  const mt = 'https://www.googleapis.com/compute/v1/projects/p/zones/europe-west1-b/machineTypes/e2-medium';
  it('short name from URL or name', () => {
    expect(gcpShortName.apply(mt)).toBe('e2-medium');
    expect(gcpShortName.apply('e2-medium')).toBe('e2-medium');
  });
  it('relative name from self link and Cloud Asset name', () => {
    const want = 'projects/p/global/networks/n';
    expect(gcpRelativeName.apply('https://www.googleapis.com/compute/v1/projects/p/global/networks/n')).toBe(
      want,
    );
    expect(gcpRelativeName.apply('//compute.googleapis.com/projects/p/global/networks/n')).toBe(want);
    expect(gcpRelativeName.apply(want)).toBe(want);
    expect(gcpProjectOf(mt)).toBe('p');
  });
  it('are idempotent', () => {
    idempotent(gcpShortName);
    idempotent(gcpRelativeName, fc.oneof(anyJson, fc.webUrl()));
  });
});

describe('firewallEntrySet', () => {
  const norm = (v: unknown) => firewallEntrySet.apply(genericNormalizer.apply(v));
  it('makes provider and API forms equal', () => {
    expect(
      norm([
        { protocol: 'tcp', ports: ['443', '22'] },
        { protocol: 'icmp', ports: [] },
      ]),
    ).toEqual(norm([{ IPProtocol: 'ICMP' }, { IPProtocol: '6', ports: ['22', '443'] }]));
    expect(norm([{ IPProtocol: 'tcp', ports: ['22'] }])).toEqual([{ protocol: 'tcp', ports: ['22'] }]);
  });
  it('is idempotent and order-insensitive', () => {
    const entry = fc.record({
      protocol: fc.constantFrom('tcp', 'UDP', 'icmp', '6', 'all'),
      ports: fc.array(fc.constantFrom('22', '80-90', 443), { maxLength: 3 }),
    });
    fc.assert(
      fc.property(fc.array(entry, { maxLength: 4 }), (list) => {
        const once = firewallEntrySet.apply(list);
        expect(firewallEntrySet.apply(once)).toEqual(once);
        expect(firewallEntrySet.apply([...list].reverse())).toEqual(once);
      }),
    );
  });
});

describe('labels and metadata', () => {
  it('prefers effective_labels, falls back to labels', () => {
    expect(desiredGcpLabels({ labels: { a: '1' }, effective_labels: { a: '1', b: '2' } })).toEqual({
      a: '1',
      b: '2',
    });
    expect(desiredGcpLabels({ labels: { a: '1' } })).toEqual({ a: '1' });
    expect(desiredGcpLabels({})).toBe(null);
  });
  it('drops undeclared goog-* live labels only', () => {
    const live = { env: 'prod', 'goog-ops-agent-policy': 'v2', 'goog-terraform-provisioned': 'true' };
    expect(liveGcpLabels(live, { env: 'prod', 'goog-terraform-provisioned': 'true' })).toEqual({
      env: 'prod',
      'goog-terraform-provisioned': 'true',
    });
    expect(liveGcpLabels(live, null)).toEqual({ env: 'prod' });
  });
  it('turns metadata items into a map', () => {
    expect(metadataItemsToMap({ items: [{ key: 'a', value: '1' }, { key: 'b' }], fingerprint: 'x' })).toEqual(
      {
        a: '1',
        b: '',
      },
    );
    expect(metadataItemsToMap({ fingerprint: 'x' })).toEqual({});
    expect(metadataItemsToMap(null)).toBe(null);
  });
});

describe('small normalizers', () => {
  it('scopes: aliases expand, sets sort', () => {
    expect(serviceAccountScopes.apply(['storage-ro', 'cloud-platform'])).toEqual([
      'https://www.googleapis.com/auth/cloud-platform',
      'https://www.googleapis.com/auth/devstorage.read_only',
    ]);
  });
  it('durations: 86400s = 86400.000s = 86400', () => {
    expect(gcpDuration.apply('86400.000s')).toBe('86400s');
    expect(gcpDuration.apply(86400)).toBe('86400s');
    expect(gcpDuration.apply('86400s')).toBe('86400s');
  });
  it('absentAsFalse and upperCase', () => {
    expect(absentAsFalse.apply(undefined)).toBe(false);
    expect(absentAsFalse.apply(true)).toBe(true);
    expect(upperCase.apply('us')).toBe('US');
  });
  it('are idempotent', () => {
    idempotent(
      serviceAccountScopes,
      fc.array(fc.oneof(fc.constantFrom('cloud-platform', 'compute-ro'), fc.string())),
    );
    idempotent(
      gcpDuration,
      fc.oneof(
        anyJson,
        fc.double({ noNaN: true, noDefaultInfinity: true }).map((n) => `${Math.abs(n)}s`),
      ),
    );
    idempotent(absentAsFalse);
    idempotent(upperCase);
  });
});
