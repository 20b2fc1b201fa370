import { describe, expect, it } from 'vitest';
import { runCli } from '../helpers/cli.ts';

const AWS = ['--state', 'examples/aws/terraform.tfstate', '--inventory', 'examples/aws/config-snapshot.json'];

describe('scan --ignore', () => {
  it('suppresses whole drifts, single attributes, and honours negation', async () => {
    const r = await runCli([
      'scan',
      ...AWS,
      '--ignore',
      'test/fixtures/ignore/aws-example.driftignore',
      '--format',
      'json',
    ]);
    expect(r.code).toBe(2);
    const report = JSON.parse(r.stdout);
    const found = report.drifts.map(
      (d: { kind: string; address: string | null; id: string; changes: { path: string }[] }) =>
        [d.kind, d.address ?? d.id, d.changes.map((c) => c.path).join(',')].join(' '),
    );
    expect(found.sort()).toEqual(
      [
        'changed module.data.aws_db_instance.main instance_class,publicly_accessible',
        'changed module.network.aws_security_group.web ingress',
        'changed module.app.aws_lambda_function.api environment.0.variables.DB_PASSWORD',
        'changed module.storage.aws_s3_bucket_versioning.this["logs"] versioning_configuration.0.status',
        'unmanaged arn:aws:iam::123456789012:role/debug-admin ',
        'unmanaged arn:aws:logs:eu-west-1:123456789012:log-group:/aws/rds/instance/shop-db/postgresql ',
      ].sort(),
    );
    expect(report.ignored).toBe(3);
  });

  it('names the file and line of an invalid rule', async () => {
    const r = await runCli(['scan', ...AWS, '--ignore', 'test/fixtures/ignore/invalid.driftignore']);
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/invalid\.driftignore:3: invalid ignore rule/);
  });

  it('fails clearly when the ignore file does not exist', async () => {
    const r = await runCli(['scan', ...AWS, '--ignore', 'nope.driftignore']);
    expect(r.code).toBe(1);
    expect(r.stderr).toBe('driftwatch: nope.driftignore: ignore file not found\n');
  });
});
