import { describe, expect, it } from 'vitest';
import { runCli } from '../helpers/cli.ts';
import { expectGolden } from '../helpers/golden.ts';

/** The JSON report with its timestamp scrubbed, as the golden files hold it. */
function scrub(json: string): string {
  const report = JSON.parse(json);
  report.generatedAt = '<scrubbed>';
  return `${JSON.stringify(report, null, 2)}\n`;
}

const inputs = (provider: string, inventory: string) => {
  const args = [
    '--state',
    `examples/${provider}/terraform.tfstate`,
    '--inventory',
    `examples/${provider}/${inventory}`,
  ];
  return provider === 'kubernetes' ? [...args, '--manifests', 'examples/kubernetes/manifests'] : args;
};
const CASES = {
  aws: ['config-snapshot.json', 'config-snapshot-fixed.json'],
  azure: ['resource-graph.json', 'resource-graph-fixed.json'],
  gcp: ['cloud-asset.json', 'cloud-asset-fixed.json'],
  kubernetes: ['cluster.json', 'cluster-fixed.json'],
} as const;

// Each example's scripted drift (examples/README.md): kind, address or id, category, severity.
const EXPECTED: Record<keyof typeof CASES, string[]> = {
  aws: [
    'changed module.data.aws_db_instance.main SecurityChange critical',
    'changed module.network.aws_security_group.web SecurityChange critical',
    'changed module.app.aws_lambda_function.api SecretChange high',
    'missing module.app.aws_cloudwatch_log_group.api Missing high',
    'changed module.storage.aws_s3_bucket_versioning.this["logs"] ConfigurationChange medium',
    'unmanaged arn:aws:iam::123456789012:role/debug-admin Unmanaged medium',
    'unmanaged arn:aws:logs:eu-west-1:123456789012:log-group:/aws/rds/instance/shop-db/postgresql Unmanaged medium',
    'unmanaged arn:aws:s3:::shop-tmp-export-2026 Unmanaged medium',
    'changed module.app.aws_sqs_queue.jobs TagChange low',
  ],
  azure: [
    'changed module.network.azurerm_network_security_group.app SecurityChange critical',
    'changed module.data.azurerm_storage_account.this["assets"] SecurityChange critical',
    'missing module.data.azurerm_key_vault.this Missing high',
    'changed azurerm_linux_virtual_machine.app ResourceChange medium',
    'unmanaged /subscriptions/b7e2c1d4-9f3a-4c6e-8d15-2a7f0e9c4b61/resourceGroups/rg-shop-data-prod/providers/Microsoft.KeyVault/vaults/kv-shop-breakglass Unmanaged medium',
    'changed module.data.azurerm_resource_group.this TagChange low',
  ],
  gcp: [
    'changed module.network.google_compute_firewall.allow_ssh_iap SecurityChange critical',
    'missing google_service_account.app Missing high',
    'changed google_compute_instance.app ResourceChange medium',
    'changed google_storage_bucket.this["logs"] ConfigurationChange medium',
    'unmanaged //iam.googleapis.com/projects/shop-prod-4711/serviceAccounts/104857361029384756102 Unmanaged medium',
    'unmanaged //storage.googleapis.com/shop-prod-4711-tmp-export Unmanaged medium',
    'changed google_pubsub_topic.orders LabelChange low',
  ],
  kubernetes: [
    'changed apps/shop/deployment.yaml#Deployment/shop/shop-web VersionChange high',
    'changed kubernetes_deployment_v1.ingress_proxy VersionChange high',
    'changed apps/shop/secret.yaml#Secret/shop/shop-db SecretChange high',
    'changed apps/shop/configmap.yaml#ConfigMap/shop/shop-config ConfigMapChange medium',
    'unmanaged shop/debug-shell Unmanaged medium',
  ],
};

// Secret values that appear in the example states and live exports: never in any output.
const SECRETS = [
  'Sup3r-S3cret-DB-Passw0rd!',
  's3cr3t-Pa55w0rd-do-not-print',
  'rotated-by-hand-Pa55w0rd',
  'FAKE-s3cr3t-Db-Pa55-not-real-0001',
];

describe.each(Object.entries(CASES))('%s example', (provider, [drifted, fixed]) => {
  it('finds exactly the scripted drift (golden report)', async () => {
    const r = await runCli(['scan', ...inputs(provider, drifted), '--format', 'json']);
    expect(r.stderr).toBe('');
    expect(r.code).toBe(2);
    const report = JSON.parse(r.stdout);
    const found = report.drifts.map(
      (d: { kind: string; address: string | null; id: string; category: string; severity: string }) =>
        [d.kind, d.address ?? d.id, d.category, d.severity].join(' '),
    );
    expect(found.sort()).toEqual([...EXPECTED[provider as keyof typeof CASES]].sort());
    expect(report.summary.complete).toBe(true);
    expectGolden(`test/golden/examples-${provider}.report.json`, scrub(r.stdout));
  });

  it('reports nothing once the drift is fixed (clean scan, exit 0)', async () => {
    const r = await runCli(['scan', ...inputs(provider, fixed), '--format', 'json']);
    expect(r.code).toBe(0);
    const report = JSON.parse(r.stdout);
    expect(report.drifts).toEqual([]);
    expect(report.notChecked).toEqual([]);
    expect(report.summary).toMatchObject({
      unmanaged: 0,
      missing: 0,
      changed: 0,
      coverage: 1,
      complete: true,
    });
  });

  it.each(['json', 'table', 'sarif', 'markdown', 'html'])('never prints a secret (%s)', async (format) => {
    const r = await runCli(['scan', ...inputs(provider, drifted), '--format', format], {
      tty: format === 'table',
    });
    for (const secret of SECRETS) expect(r.stdout).not.toContain(secret);
    expect(r.stdout).not.toContain('$sensitive');
  });
});
