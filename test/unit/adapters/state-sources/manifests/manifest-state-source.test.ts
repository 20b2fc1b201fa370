import { createHmac } from 'node:crypto';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ManifestStateSource } from '../../../../../lib/adapters/state-sources/manifests/index.ts';
import { ManifestParseError } from '../../../../../lib/core/model/errors.ts';

const FIXTURES = join(import.meta.dirname, '../../../../fixtures/manifests');
const REPO = join(FIXTURES, 'repo');
const GOLDEN = join(FIXTURES, 'repo.golden.json');
const hasher = (s: string) => createHmac('sha256', 'test-key').update(s).digest('hex');

async function readRepo() {
  const source = new ManifestStateSource(REPO, hasher);
  const docs = await source.read();
  return { source, docs };
}

describe('ManifestStateSource', () => {
  it('reads one document with every object of the checkout, paths relative to it', async () => {
    const { docs } = await readRepo();
    expect(docs).toHaveLength(1);
    expect(docs[0]).toMatchObject({ source: REPO, version: 0, terraformVersion: null, serial: null });
    expect(docs[0]!.resources.map((r) => r.address)).toEqual([
      'apps/platform/namespaces.json#Namespace/shop',
      'apps/platform/rbac-list.yaml#ServiceAccount/ci/deployer',
      'apps/platform/rbac-list.yaml#ClusterRole/deployer',
      'apps/platform/worker.yml#CronJob/default/nightly-report',
      'apps/web/secret.yaml#Secret/shop/web-db',
      'apps/web/web.yaml#Deployment/shop/web',
      'apps/web/web.yaml#Service/shop/web',
      'apps/web/web.yaml#ConfigMap/shop/web-config',
    ]);
  });

  it('skips .github, Helm charts, kustomization, compose files and docs, saying why', async () => {
    const { source } = await readRepo();
    expect(source.skipped.map((s) => [s.path, s.reason])).toEqual([
      ['charts/web/templates/deployment.yaml', 'Helm chart template: rendered by Helm, not a plain manifest'],
      ['charts/web/templates/service.yaml', 'Helm chart template: rendered by Helm, not a plain manifest'],
      [
        'apps/web/kustomization.yaml',
        'kustomize.config.k8s.io/v1beta1 Kustomization is tool configuration, not a cluster object',
      ],
      ['charts/web/Chart.yaml', 'no apiVersion/kind: not a Kubernetes object'],
      ['charts/web/values.yaml', 'no apiVersion/kind: not a Kubernetes object'],
      ['docker-compose.yml', 'no apiVersion/kind: not a Kubernetes object'],
      ['docs/runbook.yaml', 'no apiVersion/kind: not a Kubernetes object'],
    ]);
  });

  it('matches the golden resources (UPDATE_GOLDEN=1 rewrites them)', async () => {
    const { docs } = await readRepo();
    const actual = `${JSON.stringify(docs[0]!.resources, null, 2)}\n`;
    if (process.env.UPDATE_GOLDEN === '1') writeFileSync(GOLDEN, actual);
    expect(actual).toBe(readFileSync(GOLDEN, 'utf8'));
  });

  it('never keeps a secret in clear', async () => {
    const { docs } = await readRepo();
    expect(JSON.stringify(docs)).not.toMatch(/s3cr3t-Pa55|c2hvcA==/);
  });

  it('fails with ManifestParseError naming a missing directory', async () => {
    const missing = join(FIXTURES, 'no-such-dir');
    const read = new ManifestStateSource(missing, hasher).read();
    await expect(read).rejects.toThrow(ManifestParseError);
    await expect(new ManifestStateSource(missing, hasher).read()).rejects.toThrow(
      `${missing}: manifest directory not found`,
    );
  });
});
