import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parseConfig } from '../../../../lib/core/config/index.ts';
import { configJsonSchema } from '../../../../lib/core/config/json-schema.ts';

const aws = {
  name: 'prod-aws',
  provider: 'aws',
  state: [{ location: 's3://tf-state/prod/terraform.tfstate', workspaces: ['*'] }],
  scopes: {
    accounts: ['123456789012', '210987654321'],
    regions: ['eu-west-1', 'us-east-1'],
    assumeRole: { roleName: 'DriftwatchReadOnly', externalId: 'driftwatch-prod' },
  },
  schedule: 'rate(1 hour)',
};

const base = (targets: unknown[]) => ({ version: 1, targets });

describe('parseConfig', () => {
  it('accepts a multi-cloud config and fills the defaults', () => {
    const c = parseConfig(
      base([
        aws,
        {
          name: 'prod-azure',
          provider: 'azure',
          tfDir: 'infra/azure',
          scopes: { subscriptions: ['8f3c2a52-5d0c-4b8e-9b1e-3c5d2f1a7e90'] },
        },
        {
          name: 'prod-gcp',
          provider: 'gcp',
          state: ['gs://tf-state/prod'],
          scopes: { folders: ['123456789012'], exportTo: 'gs://asset-exports/drift' },
        },
        {
          name: 'prod-k8s',
          provider: 'kubernetes',
          manifests: ['deploy/'],
          scopes: { contexts: ['prod-eu'], namespaces: ['shop'] },
        },
      ]),
      'driftwatch.config.yaml',
    );
    expect(c.defaultSchedule).toBe('rate(6 hours)');
    expect(c.remediation).toMatchObject({ enabled: false, executor: 'notify-only', dryRun: true });
    const t = c.targets[0];
    expect(t?.provider === 'aws' && t.scopes?.assumeRole?.sessionName).toBe('driftwatch');
    expect(t?.provider === 'aws' && t.scopes?.concurrency).toBe(4);
    const k = c.targets[3];
    expect(k?.provider === 'kubernetes' && k.scopes?.excludeKinds).toContain('Event');
  });

  it.each([
    [{ ...aws, name: 'Prod AWS' }, 'targets.0.name: lowercase letters, digits and dashes (≤ 63)'],
    [
      { ...aws, scopes: { ...aws.scopes, accounts: ['1234'] } },
      'targets.0.scopes.accounts.0: an AWS account id is 12 digits',
    ],
    [
      { ...aws, scopes: { ...aws.scopes, regions: ['europe'] } },
      'targets.0.scopes.regions.0: not an AWS region name',
    ],
    [{ ...aws, schedule: 'every hour' }, 'targets.0.schedule: use rate(…), cron(…) or at(…)'],
    [{ ...aws, state: [], tfDir: undefined }, 'targets.0: give state, tfDir or manifests'],
    [{ ...aws, scopes: undefined }, 'targets.0: give scopes (live API) or inventory (export files)'],
    [
      { ...aws, scopes: { ...aws.scopes, assumeRole: { externalId: 'x1' } } },
      'targets.0.scopes.assumeRole: give exactly one of roleName or roleArnTemplate',
    ],
    [
      { ...aws, state: ['https://example.com/state'] },
      'targets.0.state.0: use s3://, azblob://, gs:// or a local path',
    ],
    [{ ...aws, provider: 'oracle' }, 'targets.0.provider'],
  ])('refuses %j with one line naming the field', (target, message) => {
    expect(() => parseConfig(base([target]), 'cfg.yaml')).toThrow(`cfg.yaml: ${message}`);
  });

  it('refuses duplicate target names and unknown keys', () => {
    expect(() => parseConfig(base([aws, aws]), 'c.yaml')).toThrow(
      'c.yaml: targets.1.name: duplicate target name prod-aws',
    );
    expect(() => parseConfig({ ...base([aws]), extra: 1 }, 'c.yaml')).toThrow(
      'c.yaml: (top level): Unrecognized key: "extra"',
    );
  });

  it.each([
    [{ ...aws, scopes: { ...aws.scopes, secretAccessKey: 'x' } }, 'targets.0.scopes.secretAccessKey'],
    [{ ...aws, state: ['AKIAIOSFODNN7EXAMPLE'] }, 'targets.0.state.0'],
    [{ ...aws, ignore: 'DefaultEndpointsProtocol=https;AccountName=a;AccountKey=abc==' }, 'targets.0.ignore'],
    [{ ...aws, client_secret: 'abc' }, 'targets.0.client_secret'],
  ])('refuses anything that looks like a credential, without echoing it (%#)', (target, where) => {
    let message = '';
    try {
      parseConfig(base([target]), 'c.yaml');
    } catch (err) {
      message = (err as Error).message;
    }
    expect(message).toBe(
      `c.yaml: ${where} looks like a credential; credentials never go in the config (use roles, environment or workload identity)`,
    );
    expect(message).not.toMatch(/AKIA|AccountKey=abc|: 'x'/);
  });

  it('keeps the ExternalId (a confused-deputy guard, not a secret)', () => {
    const c = parseConfig(base([aws]), 'c.yaml');
    const t = c.targets[0];
    expect(t?.provider === 'aws' && t.scopes?.assumeRole?.externalId).toBe('driftwatch-prod');
  });

  it('the committed JSON Schema is the one the zod schema generates', () => {
    const committed = JSON.parse(readFileSync('schemas/config/driftwatch.config.schema.json', 'utf8'));
    expect(committed).toEqual(configJsonSchema());
  });
});
