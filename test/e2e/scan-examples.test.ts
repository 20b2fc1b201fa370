import { describe, expect, it } from 'vitest';
import { runCli } from '../helpers/cli.ts';
import { expectGolden } from '../helpers/golden.ts';

/** The JSON report with its timestamp scrubbed, as the golden files hold it. */
function scrub(json: string): string {
  const report = JSON.parse(json);
  report.generatedAt = '<scrubbed>';
  return `${JSON.stringify(report, null, 2)}\n`;
}

const CASES = {
  aws: ['--state', 'examples/aws/terraform.tfstate', '--inventory', 'examples/aws/config-snapshot.json'],
} as const;

describe('scan of the bundled examples (golden reports)', () => {
  for (const [name, args] of Object.entries(CASES)) {
    it(`${name}: finds exactly the scripted drift`, async () => {
      const r = await runCli(['scan', ...args, '--format', 'json']);
      expect(r.stderr).toBe('');
      expect(r.code).toBe(2);
      expectGolden(`test/golden/examples-${name}.report.json`, scrub(r.stdout));
    });
  }
});

describe('aws example, asserted by hand', () => {
  it('reports each scripted drift with its category and severity, and no noise', async () => {
    const r = await runCli(['scan', ...CASES.aws, '--format', 'json']);
    const report = JSON.parse(r.stdout);
    const found = report.drifts.map(
      (d: {
        kind: string;
        type: string;
        address: string | null;
        id: string;
        category: string;
        severity: string;
      }) => [d.kind, d.address ?? d.id, d.category, d.severity].join(' '),
    );
    expect(found.sort()).toEqual(
      [
        'changed module.data.aws_db_instance.main SecurityChange critical',
        'changed module.network.aws_security_group.web SecurityChange critical',
        'changed module.app.aws_lambda_function.api SecretChange high',
        'missing module.app.aws_cloudwatch_log_group.api Missing high',
        'changed module.storage.aws_s3_bucket_versioning.this["logs"] ConfigurationChange medium',
        'unmanaged arn:aws:iam::123456789012:role/debug-admin Unmanaged medium',
        'unmanaged arn:aws:logs:eu-west-1:123456789012:log-group:/aws/rds/instance/shop-db/postgresql Unmanaged medium',
        'unmanaged arn:aws:s3:::shop-tmp-export-2026 Unmanaged medium',
        'changed module.app.aws_sqs_queue.jobs TagChange low',
      ].sort(),
    );
    expect(report.summary).toMatchObject({
      managed: 11,
      missing: 1,
      unmanaged: 3,
      changed: 5,
      complete: true,
    });
    // Secrets from the state (DB password, env var) and from the live side never appear.
    for (const secret of [
      'Sup3r-S3cret-DB-Passw0rd!',
      's3cr3t-Pa55w0rd-do-not-print',
      'rotated-by-hand-Pa55w0rd',
    ]) {
      expect(r.stdout).not.toContain(secret);
    }
  });
});
