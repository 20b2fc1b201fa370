import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';

const tmp = mkdtempSync(join(tmpdir(), 'dw-tf-dirs-'));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

function write(files: Record<string, string>): void {
  for (const [p, text] of Object.entries(files)) {
    mkdirSync(join(tmp, p, '..'), { recursive: true });
    writeFileSync(join(tmp, p), text);
  }
}

const s3 = (key: string) =>
  `terraform {\n  backend "s3" {\n    bucket = "acme-state"\n    key    = "${key}"\n    region = "eu-west-1"\n  }\n}\n`;
const hclLoaded = () =>
  Object.keys(createRequire(import.meta.url).cache).some((k) => k.includes('hcl2-parser'));

describe('discoverTfDirs', () => {
  it('does not load hcl2-parser until a directory is discovered', async () => {
    const { discoverTfDirs } = await import('../../../../../lib/adapters/state-sources/tf-dir/index.ts');
    expect(hclLoaded()).toBe(false);
    write({
      'live/prod/backend.tf': s3('prod/app.tfstate'),
      'live/prod/main.tf': 'module "vpc" {\n  source = "../../modules/vpc"\n}\n',
      'live/prod/.terraform/modules/vpc/backend.tf': s3('cached-module-copy'),
      'live/dev/versions.tf':
        'terraform {\n  required_version = ">= 1.5"\n  cloud {\n    organization = "acme"\n  }\n}\n',
      'modules/vpc/versions.tf': s3('never-a-root'),
      'sandbox/main.tf': 'resource "null_resource" "x" {}\n',
      'docs/notes.tf':
        '# mentions backend "s3" in a comment only\nterraform {\n  required_version = ">= 1.5"\n}\n',
    });
    const found = await discoverTfDirs(tmp);
    expect(hclLoaded()).toBe(true);
    expect(found).toEqual([
      {
        dir: join(tmp, 'live/dev'),
        backendType: 'cloud',
        files: ['versions.tf'],
        unsupported:
          'HCP Terraform (cloud block) state needs an API token; run `terraform state pull > state.tfstate` and scan that file',
      },
      {
        dir: join(tmp, 'live/prod'),
        backendType: 's3',
        files: ['backend.tf'],
        location: 's3://acme-state/prod/app.tfstate',
        workspaces: ['*'],
        options: { region: 'eu-west-1', workspaceKeyPrefix: 'env:' },
      },
    ]);
  });
});
