import { describe, expect, it } from 'vitest';
import {
  type BackendBlock,
  BackendConfigError,
  backendLocation,
  parseBackendConfigFile as parseConfigWith,
} from '../../../../state-parsers/hcl/index.ts';
import { hcl } from './hcl-parser.ts';

const parseBackendConfigFile = (text: string, file: string) => parseConfigWith(text, file, hcl);
const block = (type: string, config: BackendBlock['config']): BackendBlock => ({
  type,
  config,
  file: 'backend.tf',
});

describe('backendLocation', () => {
  it('s3: bucket/key, region, prefix (default env:), role and endpoint as options', () => {
    expect(
      backendLocation(block('s3', { bucket: 'b', key: '/net/terraform.tfstate', region: 'eu-west-1' })),
    ).toEqual({
      supported: true,
      type: 's3',
      location: 's3://b/net/terraform.tfstate',
      options: { region: 'eu-west-1', workspaceKeyPrefix: 'env:' },
    });
    const full = block('s3', {
      bucket: 'b',
      key: 'k.tfstate',
      workspace_key_prefix: 'workspaces',
      'assume_role.role_arn': 'arn:aws:iam::1:role/r',
      'endpoints.s3': 'http://127.0.0.1:4566',
    });
    expect(backendLocation(full)).toEqual({
      supported: true,
      type: 's3',
      location: 's3://b/k.tfstate',
      options: {
        workspaceKeyPrefix: 'workspaces',
        roleArn: 'arn:aws:iam::1:role/r',
        endpoint: 'http://127.0.0.1:4566',
      },
    });
  });

  it('azurerm: azblob://account/container/key', () => {
    const b = block('azurerm', {
      resource_group_name: 'rg',
      storage_account_name: 'acct',
      container_name: 'tfstate',
      key: 'prod/aks.terraform.tfstate',
    });
    expect(backendLocation(b)).toEqual({
      supported: true,
      type: 'azurerm',
      location: 'azblob://acct/tfstate/prod/aks.terraform.tfstate',
      options: { resourceGroupName: 'rg' },
    });
  });

  it('gcs: gs://bucket/prefix, prefix optional', () => {
    expect(backendLocation(block('gcs', { bucket: 'b', prefix: 'terraform/state/' }))).toMatchObject({
      location: 'gs://b/terraform/state',
    });
    expect(backendLocation(block('gcs', { bucket: 'b' }))).toEqual({
      supported: true,
      type: 'gcs',
      location: 'gs://b',
      options: {},
    });
  });

  it('local: terraform.tfstate and terraform.tfstate.d by default', () => {
    expect(backendLocation(block('local', {}))).toEqual({
      supported: true,
      type: 'local',
      location: 'terraform.tfstate',
      options: { workspaceDir: 'terraform.tfstate.d' },
    });
  });

  it('remote, cloud and other backends: unsupported with a reason, no exception', () => {
    const cloud = backendLocation(block('cloud', { organization: 'acme' }));
    expect(cloud).toEqual({
      supported: false,
      type: 'cloud',
      reason:
        'HCP Terraform (cloud block) state needs an API token; run `terraform state pull > state.tfstate` and scan that file',
    });
    expect(backendLocation(block('remote', {}))).toMatchObject({ supported: false, type: 'remote' });
    expect(backendLocation(block('consul', { path: 'x' }))).toMatchObject({
      supported: false,
      reason: expect.stringContaining('backend "consul" is not read by driftwatch'),
    });
  });

  it('partial configuration: -backend-config values merged over the block', () => {
    const partial = parseBackendConfigFile('bucket = "from-file"\nregion = "us-east-2"\n', 'prod.tfbackend');
    expect(backendLocation(block('s3', { key: 'k', region: 'eu-west-1' }), partial)).toEqual({
      supported: true,
      type: 's3',
      location: 's3://from-file/k',
      options: { region: 'us-east-2', workspaceKeyPrefix: 'env:' },
    });
  });

  it('a missing required attribute is one line naming the backend, the attribute and the file', () => {
    expect(() => backendLocation(block('azurerm', { storage_account_name: 'a', key: 'k' }))).toThrow(
      new BackendConfigError(
        'backend "azurerm" has no container_name; set it in the block or in a .tfbackend file next to it',
        'backend.tf',
      ),
    );
    expect(() => backendLocation(block('s3', { bucket: 'b' }))).toThrow(
      'backend.tf: backend "s3" has no key; set it in the block or in a .tfbackend file next to it',
    );
  });
});

describe('parseBackendConfigFile', () => {
  it('keeps literals, drops credentials and expressions', () => {
    const text =
      'bucket = "b"\naccess_key = "AKIAIOSFODNN7EXAMPLE"\nsecret_key = "fake"\nkey = var.k\nencrypt = true\n';
    expect(parseBackendConfigFile(text, 'x.tfbackend')).toEqual({ bucket: 'b', encrypt: true });
  });

  it('names the file when it is not HCL', () => {
    expect(() => parseBackendConfigFile('bucket = "b"\nkey = \n', 'env/prod.tfbackend')).toThrow(
      'env/prod.tfbackend: not valid HCL near line 2 (run terraform validate for details)',
    );
  });
});
