import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { discoverTfDir } from '../../../../../lib/adapters/state-sources/tf-dir/index.ts';
import { StateSourceConfigSchema } from '../../../../../lib/core/config/config.ts';
import { DriftwatchError } from '../../../../../lib/core/model/errors.ts';

const fx = (d: string) => join(import.meta.dirname, '../../../../fixtures/tf-dir', d);
const tmp = mkdtempSync(join(tmpdir(), 'dw-tf-dir-'));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

/** A root module written on the fly: files that hold (fake) credentials stay out of the fixtures. */
function module(name: string, files: Record<string, string>): string {
  const dir = join(tmp, name);
  for (const [p, text] of Object.entries(files)) {
    mkdirSync(join(dir, p, '..'), { recursive: true });
    writeFileSync(join(dir, p), text);
  }
  return dir;
}

describe('discoverTfDir', () => {
  it('s3 with workspace_key_prefix, locking and assume_role; modules/ and variables ignored', async () => {
    const found = await discoverTfDir(fx('s3'));
    expect(found).toEqual({
      dir: fx('s3'),
      backendType: 's3',
      files: ['versions.tf'],
      location: 's3://acme-terraform-state-123456789012/network/terraform.tfstate',
      workspaces: ['*'],
      options: {
        region: 'eu-west-1',
        workspaceKeyPrefix: 'workspaces',
        roleArn: 'arn:aws:iam::123456789012:role/terraform-state-reader',
      },
    });
    // The result drops straight into the config's state source shape.
    if (!('location' in found)) throw new Error('expected a location');
    expect(StateSourceConfigSchema.parse({ location: found.location, workspaces: found.workspaces })).toEqual(
      {
        location: found.location,
        workspaces: ['*'],
        options: {},
      },
    );
  });

  it('azurerm with resource_group_name', async () => {
    expect(await discoverTfDir(fx('azurerm'))).toEqual({
      dir: fx('azurerm'),
      backendType: 'azurerm',
      files: ['backend.tf'],
      location: 'azblob://acmetfstate01/tfstate/prod/aks.terraform.tfstate',
      workspaces: ['*'],
      options: { resourceGroupName: 'rg-terraform-state' },
    });
  });

  it('gcs with prefix', async () => {
    expect(await discoverTfDir(fx('gcs'))).toMatchObject({
      backendType: 'gcs',
      location: 'gs://acme-tf-state-prod/terraform/state/gke',
      workspaces: ['*'],
      options: {},
    });
  });

  it('local: path and workspace_dir resolved against the directory', async () => {
    expect(await discoverTfDir(fx('local'))).toEqual({
      dir: fx('local'),
      backendType: 'local',
      files: ['terraform.tf'],
      location: join(fx('local'), 'state/terraform.tfstate'),
      workspaces: ['*'],
      options: { workspaceDir: join(fx('local'), 'state/workspaces') },
    });
  });

  it('no backend block: the implicit local backend', async () => {
    expect(await discoverTfDir(fx('implicit-local'))).toEqual({
      dir: fx('implicit-local'),
      backendType: 'local',
      files: [],
      location: join(fx('implicit-local'), 'terraform.tfstate'),
      workspaces: ['*'],
      options: { workspaceDir: join(fx('implicit-local'), 'terraform.tfstate.d') },
    });
  });

  it('cloud (workspaces { tags }) and remote: an unsupported result, not an exception', async () => {
    expect(await discoverTfDir(fx('cloud'))).toEqual({
      dir: fx('cloud'),
      backendType: 'cloud',
      files: ['terraform.tf'],
      unsupported:
        'HCP Terraform (cloud block) state needs an API token; run `terraform state pull > state.tfstate` and scan that file',
    });
    expect(await discoverTfDir(fx('remote'))).toMatchObject({
      backendType: 'remote',
      unsupported: expect.any(String),
    });
  });

  it('partial configuration completed by the one .tfbackend file next to it', async () => {
    expect(await discoverTfDir(fx('partial-s3'))).toEqual({
      dir: fx('partial-s3'),
      backendType: 's3',
      files: ['backend.tf', 'config.s3.tfbackend'],
      location: 's3://acme-state-prod/payments/terraform.tfstate',
      workspaces: ['*'],
      options: { region: 'us-east-2', workspaceKeyPrefix: 'payments' },
    });
  });

  it('several .tfbackend files: refuses to guess, takes the chosen one', async () => {
    await expect(discoverTfDir(fx('partial-several'))).rejects.toThrow(
      `${join(fx('partial-several'), 'backend.tf')}: backend "gcs" has no bucket; set it in the block or in a .tfbackend file next to it; several backend config files (dev.tfbackend, prod.tfbackend): choose one with backendConfig`,
    );
    expect(await discoverTfDir(fx('partial-several'), { backendConfig: 'prod.tfbackend' })).toMatchObject({
      location: 'gs://acme-tf-state-prod/apps',
      files: ['backend.tf', 'prod.tfbackend'],
    });
  });

  it('two backends: one line naming both files', async () => {
    const err = await discoverTfDir(fx('two-backends')).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(DriftwatchError);
    expect((err as Error).message).toBe(
      `${fx('two-backends')}: a root module has one backend, found s3 in backend.tf:2 and gcs in legacy.tf:2`,
    );
  });

  it('an override file replaces the backend', async () => {
    expect(await discoverTfDir(fx('override'))).toMatchObject({
      backendType: 'local',
      files: ['backend_override.tf'],
      location: join(fx('override'), 'terraform.tfstate'),
    });
  });

  it('bad HCL: one line naming the file', async () => {
    await expect(discoverTfDir(fx('syntax-error'))).rejects.toThrow(
      `${join(fx('syntax-error'), 'main.tf')}: not valid HCL near line 9 (run terraform validate for details)`,
    );
  });

  it('credentials in the block or the .tfbackend file never come back', async () => {
    const dir = module('s3-credentials', {
      'backend.tf': [
        'terraform {',
        '  backend "s3" {',
        '    bucket     = "acme-state"',
        '    key        = "app.tfstate"',
        '    region     = "eu-west-1"',
        '    access_key = "AKIAIOSFODNN7EXAMPLE"',
        '    secret_key = "wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY"',
        '  }',
        '}',
      ].join('\n'),
      'creds.tfbackend': 'token = "FwoGZXIvYXdzEXAMPLESESSIONTOKEN"\nprofile = "ops"\n',
    });
    const found = await discoverTfDir(dir);
    expect(found).toMatchObject({ location: 's3://acme-state/app.tfstate' });
    expect(JSON.stringify(found)).not.toMatch(/AKIA|wJalr|FwoGZ|EXAMPLE/);
  });

  it('partial block completed from .terraform/terraform.tfstate, keeping location keys only', async () => {
    const initState = {
      version: 3,
      terraform_version: '1.9.8',
      backend: {
        type: 'azurerm',
        config: {
          access_key: 'c3RvcmFnZS1hY2NvdW50LWtleS1mYWtl',
          client_secret: 'fake-client-secret',
          container_name: 'tfstate',
          key: 'network.terraform.tfstate',
          resource_group_name: 'rg-state',
          sas_token: null,
          storage_account_name: 'acmetfstate01',
          use_azuread_auth: null,
        },
        hash: 1526329476,
      },
    };
    const dir = module('partial-init', {
      'backend.tf': 'terraform {\n  backend "azurerm" {\n    key = "network.terraform.tfstate"\n  }\n}\n',
      '.terraform/terraform.tfstate': JSON.stringify(initState, null, 2),
    });
    const found = await discoverTfDir(dir);
    expect(found).toEqual({
      dir,
      backendType: 'azurerm',
      files: ['backend.tf', '.terraform/terraform.tfstate'],
      location: 'azblob://acmetfstate01/tfstate/network.terraform.tfstate',
      workspaces: ['*'],
      options: { resourceGroupName: 'rg-state' },
    });
    expect(JSON.stringify(found)).not.toMatch(/c3RvcmFn|fake-client/);
  });

  it('a stale .terraform of another backend type is ignored', async () => {
    const dir = module('stale-init', {
      'backend.tf': 'terraform {\n  backend "s3" {\n    key = "k"\n  }\n}\n',
      '.terraform/terraform.tfstate': JSON.stringify({
        version: 3,
        backend: { type: 'gcs', config: { bucket: 'old' }, hash: 1 },
      }),
    });
    await expect(discoverTfDir(dir)).rejects.toThrow(
      `${join(dir, 'backend.tf')}: backend "s3" has no bucket; set it in the block or in a .tfbackend file next to it`,
    );
  });

  it('a missing directory is a usage error naming it', async () => {
    await expect(discoverTfDir(join(tmp, 'nope'))).rejects.toThrow(
      `${join(tmp, 'nope')}: not a readable directory`,
    );
  });
});
