import { describe, expect, it } from 'vitest';
import { createRegistry } from '../../../../lib/core/mapping/registry.ts';
import type { ResourceMapping } from '../../../../lib/core/mapping/types.ts';
import {
  generatedMappings,
  inventoryOf,
  knownNativeTypes,
  nativeTypesWithoutInventory,
  TYPE_MAP,
} from '../../../../lib/mappings/generated/index.ts';
import { stateResource } from '../defaults/state-resource.ts';

const mappingOf = (type: string) => {
  const found = generatedMappings.filter((m) => m.terraformTypes.includes(type));
  expect(found, type).toHaveLength(1);
  return found[0]!;
};

describe('TYPE_MAP', () => {
  it('carries the spot-checked pairs with their inventory', () => {
    const row = (t: string, n: string) => TYPE_MAP.find((r) => r.terraformType === t && r.nativeType === n);
    expect(row('aws_s3_bucket', 'AWS::S3::Bucket')?.inventory).toBe('config+cloudcontrol');
    expect(row('azurerm_storage_account', 'Microsoft.Storage/storageAccounts')?.inventory).toBe(
      'resourcegraph',
    );
    expect(row('google_storage_bucket', 'storage.googleapis.com/Bucket')?.inventory).toBe('cloudasset');
    expect(row('kubernetes_deployment_v1', 'apps/v1/Deployment')?.inventory).toBe('api');
    expect(row('aws_iam_role_policy', 'AWS::IAM::Policy')?.inventory).toBe('none');
    expect(row('awscc_s3_bucket', 'AWS::S3::Bucket')?.inventory).toBe('config+cloudcontrol');
  });
});

describe('generatedMappings', () => {
  it('maps the spot-checked types to their native types, existence only', () => {
    const expected: Record<string, readonly string[]> = {
      aws_s3_bucket: ['AWS::S3::Bucket'],
      azurerm_storage_account: ['Microsoft.Storage/storageAccounts'],
      google_storage_bucket: ['storage.googleapis.com/Bucket'],
      kubernetes_deployment_v1: ['apps/v1/Deployment'],
      aws_acm_certificate: ['AWS::ACM::Certificate', 'AWS::CertificateManager::Certificate'],
    };
    for (const [type, natives] of Object.entries(expected)) {
      const m = mappingOf(type);
      expect(m.nativeTypes, type).toEqual(natives);
      expect(m.role, type).toBe('resource');
      expect(m.attributes, type).toEqual([]);
    }
  });

  it('has one mapping per terraform type and many per provider', () => {
    const types = generatedMappings.flatMap((m) => m.terraformTypes);
    expect(new Set(types).size).toBe(types.length);
    const count = (p: string) => generatedMappings.filter((m) => m.provider === p).length;
    expect(count('aws')).toBeGreaterThan(300);
    expect(count('azure')).toBeGreaterThan(900);
    expect(count('gcp')).toBeGreaterThan(400);
    expect(count('kubernetes')).toBeGreaterThan(70);
  });

  it('types no inventory lists are associations with no native types (neither missing nor unmanaged)', () => {
    for (const type of [
      'aws_iam_role_policy',
      'aws_iam_user_policy',
      'azurerm_subnet_network_security_group_association',
    ]) {
      expect(mappingOf(type).role, type).toBe('association');
      expect(mappingOf(type).nativeTypes, type).toEqual([]);
    }
    // AWS::IAM::Policy (inline in CloudFormation) must not be claimed by the inline-policy types.
    expect(mappingOf('aws_iam_policy').nativeTypes).toEqual(['AWS::IAM::ManagedPolicy', 'AWS::IAM::Policy']);
  });

  it('GCP IAM and org-policy types carry a policy of another asset: associations', () => {
    expect(mappingOf('google_project_iam_member').role).toBe('association');
    expect(mappingOf('google_storage_bucket_iam_binding').role).toBe('association');
    expect(mappingOf('google_org_policy_policy').role).toBe('association');
  });

  it('Kubernetes: any-kind types are not generated or are associations; patches are facets', () => {
    expect(generatedMappings.some((m) => m.terraformTypes.includes('kubernetes_manifest'))).toBe(false);
    expect(mappingOf('kubernetes_labels').role).toBe('association');
    expect(mappingOf('kubernetes_config_map_v1_data').role).toBe('facet');
    expect(mappingOf('kubernetes_token_request_v1').role).toBe('association');
  });

  it('uses the provider defaults for identities and scope', () => {
    const bucket = stateResource('aws_s3_bucket', { id: 'b', arn: 'arn:aws:s3:::b', region: 'eu-west-1' });
    const m = mappingOf('aws_s3_bucket');
    expect(m.identities(bucket)).toEqual(['arn:aws:s3:::b', 'b']);
    expect(m.scope?.(bucket)).toBe('aws:*:eu-west-1');
    const dep = stateResource('kubernetes_deployment', { metadata: [{ name: 'web', namespace: 'shop' }] });
    expect(mappingOf('kubernetes_deployment').identities(dep)).toEqual(['apps/Deployment/shop/web']);
  });

  it('hand-written mappings registered first win over generated ones', () => {
    const hand: ResourceMapping = {
      provider: 'aws',
      terraformTypes: ['aws_s3_bucket'],
      nativeTypes: ['AWS::S3::Bucket'],
      identities: () => ['hand'],
      attributes: [],
    };
    const registry = createRegistry([hand], generatedMappings);
    expect(registry.get('aws_s3_bucket')).toBe(hand);
    expect(registry.get('aws_vpc')?.nativeTypes).toEqual(['AWS::EC2::VPC']);
    expect(registry.terraformTypesFor('azure', 'microsoft.storage/storageaccounts')).toContain(
      'azurerm_storage_account',
    );
  });
});

describe('type map lookups', () => {
  it('inventoryOf says which inventory lists a native type (the listing one wins)', () => {
    expect(inventoryOf('aws', 'AWS::S3::Bucket')).toBe('config+cloudcontrol');
    expect(inventoryOf('aws', 'AWS::IAM::Policy')).toBe('config');
    expect(inventoryOf('aws', 'AWS::ApiGateway::Method')).toBe('cloudcontrol');
    expect(inventoryOf('azure', 'MICROSOFT.STORAGE/STORAGEACCOUNTS')).toBe('resourcegraph');
    expect(inventoryOf('gcp', 'cloudresourcemanager.googleapis.com/Project')).toBe('cloudasset');
    expect(inventoryOf('aws', 'AWS::Nope::Nothing')).toBeUndefined();
  });

  it('nativeTypesWithoutInventory is true only for known types no inventory lists', () => {
    expect(nativeTypesWithoutInventory('aws_iam_role_policy')).toBe(true);
    expect(nativeTypesWithoutInventory('azurerm_key_vault_secret')).toBe(true);
    expect(nativeTypesWithoutInventory('aws_s3_bucket')).toBe(false);
    expect(nativeTypesWithoutInventory('aws_directory_service_directory')).toBe(false);
    expect(nativeTypesWithoutInventory('null_resource')).toBe(false);
  });

  it('knownNativeTypes: listable types only; Azure case-insensitive', () => {
    expect(knownNativeTypes('azure').has('microsoft.storage/storageaccounts')).toBe(true);
    expect(knownNativeTypes('azure').has('Microsoft.Storage/storageAccounts')).toBe(true);
    expect(knownNativeTypes('azure').has('Microsoft.KeyVault/vaults/secrets')).toBe(false);
    expect(knownNativeTypes('aws').has('AWS::S3::Bucket')).toBe(true);
    expect(knownNativeTypes('aws').has('aws::s3::bucket')).toBe(false);
    expect(knownNativeTypes('kubernetes').has('*')).toBe(false);
    expect(knownNativeTypes('kubernetes').has('authentication.k8s.io/v1/TokenRequest')).toBe(false);
  });
});
