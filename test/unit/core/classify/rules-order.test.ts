import { describe, expect, it } from 'vitest';
import { CLASSIFY_RULES, classifyChange, classifyDrift } from '../../../../lib/core/classify/index.ts';

function firstRow(category: string): number {
  return CLASSIFY_RULES.findIndex((r) => r.category === category);
}

describe('classification table order', () => {
  it('ends with the unconditional ConfigurationChange catch-all, and only there', () => {
    const last = CLASSIFY_RULES[CLASSIFY_RULES.length - 1]!;
    expect(last).toMatchObject({ category: 'ConfigurationChange', severity: 'medium', when: {} });
    const unconditional = CLASSIFY_RULES.filter((r) => !r.when.paths && !r.when.types && !r.when.providers);
    expect(unconditional).toHaveLength(1);
  });
  it.each([
    ['SecretChange', 'ConfigurationChange'],
    ['ConfigMapChange', 'ConfigurationChange'],
    ['SecurityChange', 'PortChange'], // firewall ports are security
    ['EncryptionChange', 'VolumeChange'], // root_block_device.0.encrypted
    ['VersionChange', 'ResourceChange'], // source_image_reference.0.sku
    ['VersionChange', 'VolumeChange'], // boot_disk.0.initialize_params.0.image
    ['Scaling', 'ResourceChange'], // sku.0.capacity
    ['TagChange', 'SecurityChange'], // tags on a security group
  ])('%s comes before %s', (specific, generic) => {
    expect(firstRow(specific)).toBeLessThan(firstRow(generic));
  });
  it.each([
    ['aws_security_group', 'ingress.0.from_port', 'SecurityChange'],
    ['aws_security_group', 'tags.Name', 'TagChange'],
    ['aws_instance', 'root_block_device.0.encrypted', 'EncryptionChange'],
    ['azurerm_linux_virtual_machine', 'source_image_reference.0.sku', 'VersionChange'],
    ['azurerm_linux_virtual_machine_scale_set', 'sku.0.capacity', 'Scaling'],
    ['kubernetes_secret', 'data.tls.key', 'SecretChange'],
  ])('specific beats generic: %s %s -> %s', (type, path, category) => {
    expect(
      classifyChange({ provider: 'aws', type, kind: 'changed', path, desired: 1, actual: 2 }).category,
    ).toBe(category);
  });
});

describe('classifyDrift', () => {
  it('missing is Missing/high, unmanaged is Unmanaged/medium', () => {
    expect(classifyDrift({ provider: 'aws', type: 'aws_s3_bucket', kind: 'missing', changes: [] })).toEqual({
      category: 'Missing',
      severity: 'high',
    });
    expect(
      classifyDrift({
        provider: 'azure',
        type: 'Microsoft.Storage/storageAccounts',
        kind: 'unmanaged',
        changes: [],
      }),
    ).toEqual({ category: 'Unmanaged', severity: 'medium' });
  });
  it('changed takes the most severe change', () => {
    const d = classifyDrift({
      provider: 'aws',
      type: 'aws_security_group',
      kind: 'changed',
      changes: [
        { path: 'tags.env', desired: 'a', actual: 'b' },
        { path: 'ingress.0.cidr_blocks', desired: ['10.0.0.0/8'], actual: ['0.0.0.0/0'] },
      ],
    });
    expect(d).toEqual({ category: 'SecurityChange', severity: 'critical' });
  });
  it('ties go to the earlier row of the table', () => {
    // Scaling and ResourceChange are both medium; Scaling comes first in the table.
    const d = classifyDrift({
      provider: 'kubernetes',
      type: 'apps/v1/Deployment',
      kind: 'changed',
      changes: [
        { path: 'spec.template.spec.containers.0.resources.limits.cpu', desired: '500m', actual: 1 },
        { path: 'spec.replicas', desired: 3, actual: 5 },
      ],
    });
    expect(d).toEqual({ category: 'Scaling', severity: 'medium' });
  });
  it('a sensitive change makes the drift a SecretChange when nothing is more severe', () => {
    const d = classifyDrift({
      provider: 'aws',
      type: 'aws_db_instance',
      kind: 'changed',
      changes: [
        { path: 'instance_class', desired: 'db.t3.micro', actual: 'db.t3.large' },
        { path: 'password', desired: '(sensitive)', actual: '(sensitive)', sensitive: true },
      ],
    });
    expect(d).toEqual({ category: 'SecretChange', severity: 'high' });
  });
  it('changed with no changes defaults to ConfigurationChange/medium', () => {
    expect(
      classifyDrift({ provider: 'gcp', type: 'google_pubsub_topic', kind: 'changed', changes: [] }),
    ).toEqual({ category: 'ConfigurationChange', severity: 'medium' });
  });
});
