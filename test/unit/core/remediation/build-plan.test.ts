import { describe, expect, it } from 'vitest';
import {
  buildPlan,
  chooseExecutor,
  desiredPatch,
  executorForDrift,
  RemediationError,
  RemediationSchema,
  remediationFor,
  tagChanges,
} from '../../../../lib/core/remediation/index.ts';
import { config, deployment, record } from './fixtures.ts';

describe('chooseExecutor', () => {
  it('never acts when notify-only is configured (the default)', () => {
    expect(chooseExecutor(record(), 'notify-only')).toBe('notify-only');
  });

  it('picks by drift when the configured executor cannot handle it', () => {
    expect(chooseExecutor(record(), 'scale-replicas')).toBe('revert-tags');
    expect(chooseExecutor(deployment(), 'revert-tags')).toBe('scale-replicas');
    expect(
      chooseExecutor(
        deployment({
          category: 'VersionChange',
          changes: [{ path: 'spec.template.spec.containers.0.image', desired: 'web:1', actual: 'web:2' }],
        }),
        'revert-tags',
      ),
    ).toBe('kubernetes-patch');
    expect(chooseExecutor(record({ kind: 'unmanaged', address: null }), 'revert-tags')).toBe('notify-only');
  });

  it('keeps a configured executor that can handle the drift', () => {
    expect(chooseExecutor(record(), 'terraform-pipeline')).toBe('terraform-pipeline');
    expect(chooseExecutor(deployment(), 'kubernetes-patch')).toBe('kubernetes-patch');
  });

  it('sends a non-tag AWS change to the Terraform pipeline', () => {
    const r = record({
      category: 'SecurityChange',
      changes: [{ path: 'versioning.0.enabled', desired: true, actual: false }],
    });
    expect(executorForDrift(r)).toBe('terraform-pipeline');
    expect(chooseExecutor(r, 'revert-tags')).toBe('terraform-pipeline');
  });
});

describe('buildPlan', () => {
  it('builds steps and a dry-run diff for a tag drift', () => {
    const plan = buildPlan(record(), config());
    expect(plan).toEqual({
      executor: 'revert-tags',
      dryRun: true,
      plan: {
        summary:
          'revert-tags (dry run) for changed aws_s3_bucket.logs in prod-eu: set tags tags.env on arn:aws:s3:::acme-logs; remove tags tags.temp from arn:aws:s3:::acme-logs',
        steps: [
          { action: 'tag-resources', description: 'set tags tags.env on arn:aws:s3:::acme-logs' },
          { action: 'untag-resources', description: 'remove tags tags.temp from arn:aws:s3:::acme-logs' },
        ],
        diff: [
          { path: 'tags.env', desired: 'prod', actual: 'dev', sensitive: false },
          { path: 'tags.temp', desired: null, actual: 'yes', sensitive: false },
        ],
      },
    });
  });

  it('keeps sensitive values sealed in the diff and out of the summary', () => {
    const r = record({
      category: 'SecretChange',
      changes: [
        { path: 'password', desired: '(sensitive)', actual: '(sensitive)', sensitive: true, digest: 'a|b' },
        { path: 'token', desired: { $sensitive: 'hmac-1' }, actual: 'plain-looking' },
      ],
    });
    const { plan } = buildPlan(r, config({ executor: 'terraform-pipeline', dryRun: false }));
    expect(plan.diff).toEqual([
      { path: 'password', desired: '(sensitive)', actual: '(sensitive)', sensitive: true },
      { path: 'token', desired: '(sensitive)', actual: '(sensitive)', sensitive: true },
    ]);
    expect(JSON.stringify(plan)).not.toContain('hmac-1');
    expect(JSON.stringify(plan)).not.toContain('plain-looking');
    expect(plan.summary).toBe(
      'terraform-pipeline (live) for changed aws_s3_bucket.logs in prod-eu: run the Terraform pipeline of prod-eu for aws_s3_bucket.logs',
    );
  });

  it('gives the workflow state docs/workflows.md names', () => {
    const rem = remediationFor('rem-1', deployment(), config({ executor: 'scale-replicas' }));
    expect(RemediationSchema.parse(rem)).toEqual(rem);
    expect(rem).toMatchObject({
      remediationId: 'rem-1',
      driftId: 'ZHJpZnQ',
      target: 'prod-eu',
      executor: 'scale-replicas',
      dryRun: true,
    });
    expect(rem.plan.steps).toEqual([
      { action: 'scale', description: 'scale shop/web back to its desired spec.replicas' },
    ]);
  });
});

describe('patches', () => {
  it('splits a tag drift into tags to set and to remove', () => {
    expect(tagChanges(record())).toEqual({ set: { env: 'prod' }, remove: ['temp'] });
  });

  it('refuses to restore a sealed tag value', () => {
    const r = record({
      changes: [{ path: 'tags.api_key', desired: '(sensitive)', actual: '(sensitive)', sensitive: true }],
    });
    expect(() => tagChanges(r)).toThrow(RemediationError);
  });

  it('builds a merge patch of the desired values, null for what the desired side lacks', () => {
    const r = deployment({
      changes: [
        { path: 'spec.replicas', desired: 3, actual: 1 },
        { path: 'metadata.labels.tier', desired: 'web', actual: 'db' },
        { path: 'metadata.labels.debug', desired: undefined, actual: 'true' },
      ],
    });
    expect(desiredPatch(r)).toEqual({
      spec: { replicas: 3 },
      metadata: { labels: { tier: 'web', debug: null } },
    });
  });

  it('refuses list paths (a merge patch replaces whole lists)', () => {
    const r = deployment({
      changes: [{ path: 'spec.template.spec.containers.0.image', desired: 'a', actual: 'b' }],
    });
    expect(() => desiredPatch(r)).toThrow(
      'spec.template.spec.containers.0.image is inside a list: use the terraform-pipeline executor',
    );
  });
});
