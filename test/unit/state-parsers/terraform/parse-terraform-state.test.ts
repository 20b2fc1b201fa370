import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { StateParseError } from '../../../../lib/core/model/errors.ts';
import type { StateDocument, StateResource } from '../../../../lib/core/model/state-resource.ts';
import { parseTerraformState } from '../../../../state-parsers/terraform/index.ts';
import { FIXTURES, testHasher } from './helpers.ts';

const opts = { source: 'prod/terraform.tfstate', hasher: testHasher };
const fixture = (name: string) => readFileSync(join(FIXTURES, name, 'terraform.tfstate'), 'utf8');
const parseFixture = (name: string) => parseTerraformState(fixture(name), opts);
const v4 = (resources: unknown[], extra: Record<string, unknown> = {}) =>
  JSON.stringify({ version: 4, terraform_version: '1.9.5', serial: 1, lineage: 'l', resources, ...extra });

function errorOf(fn: () => unknown): StateParseError {
  try {
    fn();
  } catch (err) {
    expect(err).toBeInstanceOf(StateParseError);
    return err as StateParseError;
  }
  throw new Error('expected a StateParseError');
}

/** The instance at `address` (current object), or a test failure. */
function at(doc: StateDocument, address: string): StateResource {
  const r = doc.resources.find((x) => x.address === address && x.deposed === undefined);
  if (!r) throw new Error(`no instance ${address}`);
  return r;
}

describe('parseTerraformState: v4 addresses', () => {
  it('lists instances with module path, count and for_each keys exactly like terraform state list', () => {
    const doc = parseFixture('v4-aws-modules');
    expect(doc.resources.map((r) => r.address)).toEqual([
      'data.aws_caller_identity.current',
      'data.aws_iam_policy_document.logs_read',
      'aws_s3_bucket.logs["eu-west-1"]',
      'aws_s3_bucket.logs["o\'brien \\"ops\\" $${env} 100%%{x}\\ttab"]',
      // Shallower modules first, as `terraform state list` sorts (not the file's string order).
      'module.db["primary"].aws_db_instance.this',
      'module.network.aws_vpc.this',
      'module.network.module.subnets.aws_subnet.private[0]',
      'module.network.module.subnets.aws_subnet.private[1]',
    ]);
    const subnet = at(doc, 'module.network.module.subnets.aws_subnet.private[1]');
    expect(subnet).toMatchObject({
      mode: 'managed',
      type: 'aws_subnet',
      name: 'private',
      module: 'module.network.module.subnets',
      index: 1,
      provider: 'provider["registry.terraform.io/hashicorp/aws"]',
      cloud: 'aws',
      id: 'subnet-01f1e2d3c4b5a6978',
      schemaVersion: 1,
    });
    // biome-ignore lint/suspicious/noTemplateCurlyInString: a literal for_each key containing ${
    expect(doc.resources[3]!.index).toBe('o\'brien "ops" ${env} 100%{x}\ttab');
  });

  it('keeps data sources with mode data and reads the header', () => {
    const doc = parseFixture('v4-aws-modules');
    expect(doc.resources[0]).toMatchObject({ mode: 'data', module: null, index: null, id: '123456789012' });
    expect({ v: doc.version, tf: doc.terraformVersion, serial: doc.serial, lineage: doc.lineage }).toEqual({
      v: 4,
      tf: '1.9.5',
      serial: 57,
      lineage: '8a3f6c52-1f0e-4d7b-9a51-2c4e0b8d7f13',
    });
  });

  it('marks deposed and tainted objects', () => {
    const [current, deposed, lt] = parseFixture('v4-deposed-tainted').resources;
    expect(current).toMatchObject({ address: 'aws_instance.api', id: 'i-0new1234567890abc', tainted: true });
    expect(current!.deposed).toBeUndefined();
    expect(deposed).toMatchObject({
      address: 'aws_instance.api',
      id: 'i-0old0987654321fed',
      deposed: '4c7f1e9a',
    });
    expect(deposed!.tainted).toBeUndefined();
    expect(lt).toMatchObject({ address: 'aws_launch_template.api', deposed: '0a1b2c3d' });
  });

  it('accepts a format-4 state written by a future Terraform (terraform_version 999.0.0)', () => {
    const doc = parseTerraformState(
      v4(
        [
          {
            mode: 'managed',
            type: 'null_resource',
            name: 'bar',
            provider: 'p',
            instances: [{ attributes: { id: '5' } }],
          },
        ],
        {
          terraform_version: '999.0.0',
        },
      ),
      opts,
    );
    expect(doc.resources.map((r) => [r.address, r.id, r.cloud])).toEqual([['null_resource.bar', '5', null]]);
  });

  it('ignores check_results, outputs and unknown fields (identity, private, dependencies)', () => {
    const doc = parseTerraformState(
      v4(
        [
          {
            mode: 'managed',
            type: 'aws_vpc',
            name: 'x',
            provider: 'p',
            instances: [
              { identity_schema_version: 0, identity: { id: 'vpc-1' }, attributes: { id: 'vpc-1' } },
            ],
          },
        ],
        {
          check_results: [{ object_kind: 'resource', config_addr: 'aws_vpc.x', status: 'pass' }],
          outputs: { a: 1 },
        },
      ),
      opts,
    );
    expect(doc.resources[0]!.attributes).toEqual({ id: 'vpc-1' });
  });

  it('unflattens legacy attributes_flat', () => {
    const sg = at(parseFixture('v4-legacy-attributes-flat'), 'aws_security_group.legacy');
    expect(sg.attributes).toEqual({
      id: 'sg-0legacy1',
      name: 'legacy',
      ingress: [{ cidr_blocks: ['10.0.0.0/8'], from_port: '5432', protocol: 'tcp', to_port: '5432' }],
      tags: {},
      egress: [],
    });
  });
});

describe('parseTerraformState: v3', () => {
  const doc = parseFixture('v3-modules-flatmap');

  it('converts legacy keys, module paths, count indexes, deposed and tainted like terraform upgrade', () => {
    expect(doc.resources.map((r) => [r.address, r.id, r.deposed ?? null, r.tainted ?? false])).toEqual([
      ['data.aws_availability_zones.available', '2024-01-15 10:22:01.123456 +0000 UTC', null, false],
      ['aws_instance.web[0]', 'i-0aaa1111', null, false],
      ['aws_instance.web[0]', 'i-0old9999', '00000001', false],
      ['aws_instance.web[1]', 'i-0bbb2222', null, true],
      ['aws_security_group.web', 'sg-0f1e2d3c', null, false],
      ['module.db.aws_db_instance.main', 'orders', null, false],
      ['module.db.aws_iam_access_key.ci', 'AKIAIOSFODNN7EXAMPLE', null, false],
    ]);
    expect(doc.resources[6]).toMatchObject({
      module: 'module.db',
      provider: 'module.db.provider.aws',
      index: null,
    });
    expect(doc.resources[1]).toMatchObject({ index: 0, schemaVersion: 1, provider: 'provider.aws' });
  });

  it('turns flatmaps into nested values, hashed sets into lists, and keeps strings', () => {
    const sg = doc.resources[4]!.attributes;
    expect(sg.tags).toEqual({ Name: 'web', 'kubernetes.io/cluster/prod': 'owned' });
    expect((sg.ingress as Array<{ from_port: string }>).map((r) => r.from_port)).toEqual(['22', '443']);
    expect((sg.ingress as Array<{ cidr_blocks: string[] }>)[0]!.cidr_blocks).toEqual([
      '10.0.0.0/8',
      '192.168.0.0/16',
    ]);
    expect(doc.resources[1]!.attributes.root_block_device).toEqual([
      { delete_on_termination: 'true', volume_size: '8', volume_type: 'gp2' },
    ]);
  });
});

describe('parseTerraformState: sensitive values', () => {
  const secrets: Record<string, string[]> = {
    'v4-aws-modules': ['Sup3r-S3cret-DB-Pass!'],
    'v4-sensitive-paths': [
      'whsec_9f8e7d6c5b4a39281706',
      'pg-Orders-2024',
      'c2f1e0d9b8a7968574635241302f1e0d',
      '0f1e2d3c4b5a69788796a5b4c3d2e1f0',
      'LS0tLS1CRUdJTiBSU0EgUFJJVkFURSBLRVktLS0tLQpNSUlKS1FJQkFBS0NBZ0VBMnhT',
      'SGVsbG8gV29ybGQgZnJvbSBhIENTRUsga2V5IQ==',
      'kR9#vLq2@xZ7mWp4&nT8sYb1',
      '$2a$10$Jb7Z0P8yQm3sX9vY1nT2Uu8Qe4Rr5Ww6Ee7Tt8Yy9Uu0Ii1Oo2Pp3',
    ],
    'v4-multicloud': [
      'bm90LWEtcmVhbC1rZXktYnV0LWxvbmctZW5vdWdoLXRvLWxvb2stcmVhbA==',
      'c2Vjb25kYXJ5LWtleS1ub3QtcmVhbC1idXQtbG9uZy1lbm91Z2g=',
      'ewogICJ0eXBlIjogInNlcnZpY2VfYWNjb3VudCIsCiAgInByb2plY3RfaWQiOiAiYWNtZS1wcm9kIgp9',
      'MIIEpAIBAAKCAQEA3Tz2mr7SZiAMfQyuvBjM2P8ZhBKdQ6Cw9Ny1S1N0rQ5D4fx0',
    ],
    'v3-modules-flatmap': [
      'hunter2-but-longer',
      'wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY',
      'BHdpYWxyWFV0bkZFTUkvSzdNREVOR0VYQU1QTEU=',
    ],
  };
  for (const [name, plain] of Object.entries(secrets)) {
    it(`never outputs a plain secret (${name})`, () => {
      const text = fixture(name);
      for (const s of plain) expect(text).toContain(s); // the fixture really holds it
      const out = JSON.stringify(parseFixture(name));
      for (const s of plain) expect(out).not.toContain(s);
    });
  }

  it('seals values at sensitive_attributes paths, through list index and map key steps', () => {
    const lambda = at(parseFixture('v4-sensitive-paths'), 'aws_lambda_function.orders');
    const vars = (lambda.attributes.environment as Array<{ variables: Record<string, unknown> }>)[0]!
      .variables;
    expect(vars.STRIPE_WEBHOOK_SIGNING).toEqual({ $sensitive: testHasher('whsec_9f8e7d6c5b4a39281706') });
    expect(vars.DB_HOST).toBe('orders-primary.c9akciq32.eu-west-1.rds.amazonaws.com');
  });

  it('seals a whole set when a path indexes into it by element value', () => {
    const vm = at(parseFixture('v4-sensitive-paths'), 'google_compute_instance.bastion');
    const disk = (vm.attributes.attached_disk as Array<Record<string, unknown>>)[0]!;
    expect(disk.mode).toEqual({ $sensitive: testHasher('READ_WRITE') });
    expect(vm.attributes.machine_type).toBe('e2-small');
  });

  it('seals by name (password, secret, *_access_key) and by value shape (PEM private key), not empties', () => {
    const [, storage] = parseFixture('v4-multicloud').resources;
    expect(storage!.attributes.primary_access_key).toEqual({
      $sensitive: testHasher('bm90LWEtcmVhbC1rZXktYnV0LWxvbmctZW5vdWdoLXRvLWxvb2stcmVhbA=='),
    });
    expect(storage!.attributes.primary_blob_endpoint).toBe('https://acmeprodlogs.blob.core.windows.net/');
    const cm = at(parseFixture('v4-multicloud'), 'kubernetes_config_map_v1.tls');
    expect((cm.attributes.data as Record<string, unknown>)['ca.crt']).toMatch(/^-----BEGIN CERTIFICATE/);
    expect((cm.attributes.data as Record<string, unknown>)['legacy.pem']).toHaveProperty('$sensitive');
    const db = at(parseFixture('v4-aws-modules'), 'module.db["primary"].aws_db_instance.this');
    expect(db.attributes.password).toHaveProperty('$sensitive');
    expect(db.attributes.master_user_secret).toEqual([]);
  });
});

describe('parseTerraformState: big integers', () => {
  it('keeps integer literals above 2^53 exact, as strings', () => {
    const r = parseFixture('v4-bigint').resources[0]!;
    expect(r.id).toBe('18446744073709551615');
    expect(r.attributes).toMatchObject({
      numeric_id: '9007199254740993',
      safe: 9007199254740991,
      negative: '-12345678901234567890',
      as_string: '12345678901234567890',
      list: [1, '18446744073709551616'],
    });
  });

  it('reads v3-bigint (a bigint outside resources) with exact ids', () => {
    const doc = parseFixture('v3-bigint');
    expect(doc.resources.map((r) => [r.address, r.id])).toEqual([
      ['null_resource.baz', '1361331090091665738'],
      ['module.child.null_resource.foo', '1361'],
    ]);
  });
});

describe('parseTerraformState: refusals', () => {
  it('refuses format 1 with the upgrade hint, naming the file', () => {
    expect(errorOf(() => parseFixture('v1-refused')).message).toBe(
      'prod/terraform.tfstate: Terraform state format version 1 is not supported (need 3 or 4); run `terraform state pull` with Terraform >= 0.12 to upgrade it',
    );
  });

  it('refuses format 5 and OpenTofu-encrypted states', () => {
    expect(errorOf(() => parseFixture('future-format-refused')).message).toMatch(
      /^prod\/terraform\.tfstate: Terraform state format version 5 is not supported/,
    );
    expect(errorOf(() => parseFixture('encrypted-refused')).message).toMatch(
      /^prod\/terraform\.tfstate: state is encrypted by OpenTofu state encryption/,
    );
  });

  it('names the line and column of invalid JSON, never quoting the text', () => {
    expect(errorOf(() => parseFixture('invalid-json')).message).toBe(
      'prod/terraform.tfstate: not valid JSON: syntax error at line 9, column 7',
    );
    expect(errorOf(() => parseTerraformState('{"version": 4, "password": "hunter2', opts)).message).toBe(
      'prod/terraform.tfstate: not valid JSON: unexpected end of input at line 1, column 36',
    );
  });

  it('explains empty files, non-objects, `terraform show -json` output and bad structure', () => {
    expect(errorOf(() => parseTerraformState(' \n', opts)).message).toMatch(/file is empty/);
    expect(errorOf(() => parseTerraformState('[1]', opts)).message).toMatch(/expected a JSON object/);
    expect(errorOf(() => parseTerraformState('{"format_version":"1.0","values":{}}', opts)).message).toMatch(
      /terraform show -json/,
    );
    expect(errorOf(() => parseTerraformState('{"version":"4"}', opts)).message).toMatch(/"version" is "4"/);
    expect(
      errorOf(() => parseTerraformState(v4([{ mode: 'weird', type: 'a', name: 'b' }]), opts)).message,
    ).toBe('prod/terraform.tfstate: resources[0] (a.b) has unsupported mode "weird"');
    expect(
      errorOf(() =>
        parseTerraformState(
          v4([{ mode: 'managed', type: 'a', name: 'b', instances: [{ index_key: true }] }]),
          opts,
        ),
      ).message,
    ).toBe('prod/terraform.tfstate: resources[0].instances[0] has an invalid index_key');
  });
});

describe('parseTerraformState: Terraform 1.12 states (identity, write-only, check_results)', () => {
  const doc = () => parseFixture('v4-tf112-identity-modules');

  it('lists every instance like terraform state list, data sources included', () => {
    expect(doc().resources.map((r) => [r.address, r.id])).toEqual([
      ['data.aws_caller_identity.current', '210987654321'],
      ['aws_db_instance.main', 'db-ABCDEFGHIJKLMNOPQRSTUVWXY0'],
      ['aws_s3_bucket.assets["eu"]', 'shop-assets-eu'],
      ['aws_s3_bucket.assets["us"]', 'shop-assets-us'],
      ['module.app["blue"].kubernetes_secret_v1.env', 'shop/app-env'],
      ['module.network.aws_subnet.private[0]', 'subnet-0aa11bb22cc33dd44'],
      ['module.network.aws_subnet.private[1]', 'subnet-0ee55ff66aa77bb88'],
      [
        'module.network.azurerm_linux_virtual_machine.bastion',
        '/subscriptions/00000000-1111-2222-3333-444444444444/resourceGroups/rg-shop/providers/Microsoft.Compute/virtualMachines/bastion',
      ],
      [
        'module.app["blue"].module.dns.aws_route53_record.this[0]',
        'Z0123456789ABCDEFGHIJ_blue.shop.example.com_CNAME',
      ],
      ['module.network.module.flow_logs[0].google_sql_user.app', 'app//shop-sql'],
      ['module.network.module.flow_logs[0].random_password.sql', 'none'],
    ]);
    expect(at(doc(), 'module.network.aws_subnet.private[1]').tainted).toBe(true);
  });

  it('keeps identity, private and check_results out of the attributes', () => {
    const bucket = at(doc(), 'aws_s3_bucket.assets["us"]');
    expect(Object.keys(bucket.attributes).sort()).toEqual([
      'arn',
      'bucket',
      'force_destroy',
      'id',
      'region',
      'tags',
      'tags_all',
    ]);
  });

  it('seals every sensitive_attributes path and leaves write-only nulls as null', () => {
    const text = JSON.stringify(doc());
    for (const secret of [
      'outp-Secr3t-Value-99',
      'Plain-Db-Passw0rd',
      'k8s-Redis-Value-123',
      'Azure-Adm1n-Pass',
      'I2Nsb3VkLWNvbmZpZwpydW5jbWQ6IFtlY2hvLCBoaV0K',
      'Gcp-Sql-User-Pw-42',
      'Rnd-Result-Value-0001',
      '$2a$10$abcdefghijklmnopqrstuv',
    ]) {
      expect(text).not.toContain(secret);
    }
    const db = at(doc(), 'aws_db_instance.main').attributes;
    expect(db.password).toEqual({ $sensitive: testHasher('Plain-Db-Passw0rd') });
    expect([db.password_wo, db.password_wo_version]).toEqual([null, null]);
    const secret = at(doc(), 'module.app["blue"].kubernetes_secret_v1.env').attributes;
    // The provider marks all of `data` sensitive, not just the key the configuration marked.
    expect(secret.data).toEqual({
      API_URL: { $sensitive: testHasher('https://api.internal.example') },
      REDIS_KEY: { $sensitive: testHasher('k8s-Redis-Value-123') },
    });
    expect(secret.data_wo).toBeNull();
  });
});

describe('parseTerraformState: backend settings are not a state', () => {
  it('refuses .terraform/terraform.tfstate (modern and 0.9–0.11 layouts) without quoting its config', () => {
    const modern = errorOf(() => parseFixture('backend-config-refused'));
    expect(modern.message).toBe(
      'prod/terraform.tfstate: not a Terraform state: this is the backend settings file of a working ' +
        'directory (.terraform/terraform.tfstate, backend "s3"); the state itself lives in that backend, ' +
        'fetch it with `terraform state pull > terraform.tfstate`',
    );
    const legacy = JSON.stringify({
      version: 3,
      serial: 0,
      lineage: 'x',
      backend: { type: 'azurerm', config: { access_key: 'k3y-VALUE' }, hash: 1 },
      modules: [{ path: ['root'], outputs: {}, resources: {}, depends_on: [] }],
    });
    const err = errorOf(() => parseTerraformState(legacy, opts));
    expect(err.message).toContain('backend "azurerm"');
    expect(err.message).not.toContain('k3y-VALUE');
  });

  it('still reads a format-3 state that carries resources next to a backend block', () => {
    const cached = JSON.stringify({
      version: 3,
      serial: 4,
      lineage: 'x',
      backend: { type: 's3', config: {}, hash: 1 },
      modules: [
        {
          path: ['root'],
          resources: {
            'aws_vpc.main': { type: 'aws_vpc', primary: { id: 'vpc-1', attributes: { id: 'vpc-1' } } },
          },
        },
      ],
    });
    expect(parseTerraformState(cached, opts).resources.map((r) => r.address)).toEqual(['aws_vpc.main']);
  });
});

describe('parseTerraformState: schema-sensitive attributes in states without sensitive_attributes', () => {
  it('seals values the provider schema marks sensitive even where no path says so (Terraform 0.13)', () => {
    const doc = parseFixture('v4-tf013-schema-sensitive');
    const text = JSON.stringify(doc);
    for (const secret of [
      'ssm-data-Plain-Value-7',
      'ssm-Pg-Pass-55',
      'aad~AppPw.Value_0123456789',
      'aks-kube-Pw-0123456789abcdef',
      'aks-raw-Token-0123456789abcdef',
      'LS0tLS1CRUdJTiBSU0EgUFJJVkFURSBLRVktLS0tLQpNSUlK',
      'helm-Grafana-Admin-8',
      'k8s-Api-Key-Value-31',
      'rnd013-Result-Val-X9',
      'tok-output-0123456789abcdef',
    ]) {
      expect(text).not.toContain(secret);
    }
    // Leaves are sealed, shapes and non-secrets kept: per-key comparison and addresses still work.
    expect(at(doc, 'kubernetes_secret.tls').attributes.data).toEqual({
      'api-key': { $sensitive: testHasher('k8s-Api-Key-Value-31') },
      username: { $sensitive: testHasher('shop') },
    });
    expect(at(doc, 'helm_release.grafana').attributes.set).toEqual([
      { name: 'service.type', type: '', value: 'ClusterIP' },
    ]);
    expect(at(doc, 'random_string.suffix').attributes.result).toBe('k3x9q2');
    expect(at(doc, 'azurerm_kubernetes_cluster.main').attributes.kube_admin_config_raw).toBe('');
    expect(doc.resources.map((r) => r.address)).toEqual([
      'data.aws_ssm_parameter.api_key',
      'aws_ssm_parameter.db_url',
      'azuread_application_password.ci',
      'azurerm_kubernetes_cluster.main',
      'helm_release.grafana',
      'kubernetes_secret.tls',
      'random_password.db',
      'random_string.suffix',
    ]);
  });
});
