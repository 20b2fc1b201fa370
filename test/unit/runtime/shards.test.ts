import { describe, expect, it } from 'vitest';
import { parseConfig } from '../../../lib/core/config/index.ts';
import { planShards } from '../../../lib/runtime/shards.ts';

const config = parseConfig(
  {
    version: 1,
    targets: [
      {
        name: 'aws',
        provider: 'aws',
        state: ['s.tfstate'],
        scopes: { accounts: ['111111111111', '222222222222'], regions: ['eu-west-1', 'us-east-1'] },
      },
      {
        name: 'az',
        provider: 'azure',
        state: ['s.tfstate'],
        scopes: { subscriptions: ['8F3C2A52-5D0C-4B8E-9B1E-3C5D2F1A7E90'] },
      },
      {
        name: 'gcp',
        provider: 'gcp',
        state: ['s.tfstate'],
        scopes: { projects: ['acme-prod'], folders: ['4123'], organization: '99' },
      },
      {
        name: 'k8s',
        provider: 'kubernetes',
        manifests: ['m'],
        scopes: { contexts: ['prod-eu', 'stage'], clusterNames: { 'prod-eu': 'prod-eu-1' } },
      },
      { name: 'k8s-current', provider: 'kubernetes', manifests: ['m'], scopes: {} },
      {
        name: 'files',
        provider: 'aws',
        state: ['s.tfstate'],
        inventory: ['config.json'],
        scopes: { accounts: ['111111111111'], regions: ['eu-west-1'] },
      },
    ],
  },
  'test.yaml',
);
const shards = (name: string) => planShards(config.targets.find((t) => t.name === name)!);

describe('planShards', () => {
  it('one shard per account × region', () => {
    expect(shards('aws').map((s) => s.scope)).toEqual([
      'aws:111111111111:eu-west-1',
      'aws:111111111111:us-east-1',
      'aws:222222222222:eu-west-1',
      'aws:222222222222:us-east-1',
    ]);
    expect(new Set(shards('aws').map((s) => s.shardId)).size).toBe(4);
  });

  it('one per subscription (scope key lower-cased like the readers), project, folder and organization', () => {
    expect(shards('az').map((s) => s.scope)).toEqual(['azure:8f3c2a52-5d0c-4b8e-9b1e-3c5d2f1a7e90']);
    expect(shards('gcp').map((s) => [s.scope, s.parent])).toEqual([
      ['gcp:acme-prod', 'projects/acme-prod'],
      ['gcp-folder:4123', 'folders/4123'],
      ['gcp-organization:99', 'organizations/99'],
    ]);
  });

  it('one per kube context, named by clusterNames; the current context when none is listed', () => {
    expect(shards('k8s').map((s) => [s.scope, s.parent])).toEqual([
      ['kubernetes:prod-eu-1', 'prod-eu'],
      ['kubernetes:stage', 'stage'],
    ]);
    expect(shards('k8s-current').map((s) => [s.scope, s.parent])).toEqual([
      ['kubernetes:current-context', 'current-context'],
    ]);
  });

  it('a target read from export files is one shard, whatever its scopes', () => {
    expect(shards('files').map((s) => s.scope)).toEqual(['export']);
  });
});
