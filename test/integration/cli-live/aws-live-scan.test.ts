import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PutObjectCommand, S3Client } from '@aws-sdk/client-s3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type FakeAwsServer, startFakeAwsServer } from '../../fakes/aws-api-server.ts';
import { runCli } from '../../helpers/cli.ts';
import { type RunningS3, S3RVER_CREDENTIALS, startS3rver } from '../../helpers/emulators.ts';
import { ec2Instance, scopeWith } from '../../unit/adapters/inventory/aws/fixtures.ts';

// The whole issue-4 path through the real CLI: desired state from an S3 backend found by --tf-dir
// (two workspaces), live state from AWS Config through AssumeRole in two accounts, one of which
// denies the role. Only the emulators are local: s3rver for S3 and a wire-format AWS fake.
process.env.AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED = 'true';
const PROD = '111111111111';
const DENIED = '222222222222';
const REGION = 'eu-west-1';

function instanceState(
  instances: Array<{ name: string; id: string; account: string; type: string }>,
  serial: number,
) {
  return JSON.stringify({
    version: 4,
    terraform_version: '1.9.8',
    serial,
    lineage: '3f1e2c4a-8b7d-4e6f-9a0b-1c2d3e4f5a6b',
    outputs: {},
    resources: instances.map((i) => ({
      mode: 'managed',
      type: 'aws_instance',
      name: i.name,
      provider: 'provider["registry.terraform.io/hashicorp/aws"]',
      instances: [
        {
          schema_version: 1,
          attributes: {
            id: i.id,
            arn: `arn:aws:ec2:${REGION}:${i.account}:instance/${i.id}`,
            instance_type: i.type,
            ami: 'ami-0c1bc246476a5572b',
            tags: { Name: 'web', env: 'prod' },
            tags_all: { Name: 'web', env: 'prod' },
          },
          sensitive_attributes: [],
        },
      ],
    })),
  });
}

let s3: RunningS3;
let aws: FakeAwsServer;
let dir: string;
let env: Record<string, string>;

beforeAll(async () => {
  s3 = await startS3rver(['acme-tf-state']);
  aws = await startFakeAwsServer({
    baseAccount: '999999999999',
    scopes: [
      scopeWith(PROD, REGION, 0, [
        ec2Instance(PROD, REGION, 'i-0aaa00000000000001', { instanceType: 't3.large' }),
      ]),
      scopeWith(DENIED, REGION, 0, [ec2Instance(DENIED, REGION, 'i-0bbb00000000000001')]),
    ],
  });
  aws.inject({
    service: 'sts',
    operation: 'AssumeRole',
    account: DENIED,
    times: Number.POSITIVE_INFINITY,
    respond: {
      status: 403,
      type: 'AccessDenied',
      message: `User is not authorized to perform: sts:AssumeRole on resource: arn:aws:iam::${DENIED}:role/DriftwatchReadOnly`,
    },
  });
  const client = new S3Client({
    endpoint: s3.endpoint,
    forcePathStyle: true,
    region: REGION,
    credentials: S3RVER_CREDENTIALS,
  });
  const put = (Key: string, Body: string) =>
    client.send(new PutObjectCommand({ Bucket: 'acme-tf-state', Key, Body }));
  await put(
    'web/terraform.tfstate',
    instanceState([{ name: 'web', id: 'i-0aaa00000000000001', account: PROD, type: 't3.micro' }], 7),
  );
  await put(
    'env:/staging/web/terraform.tfstate',
    instanceState(
      [
        { name: 'gone', id: 'i-0aaa0000000000dead', account: PROD, type: 't3.micro' },
        { name: 'other', id: 'i-0bbb00000000000001', account: DENIED, type: 't3.micro' },
      ],
      3,
    ),
  );
  dir = mkdtempSync(join(tmpdir(), 'dw-live-'));
  mkdirSync(join(dir, 'infra'));
  writeFileSync(
    join(dir, 'infra', 'main.tf'),
    `terraform {\n  backend "s3" {\n    bucket = "acme-tf-state"\n    key    = "web/terraform.tfstate"\n    region = "${REGION}"\n  }\n}\n\nresource "aws_instance" "web" {\n  ami           = var.ami\n  instance_type = "t3.micro"\n}\n`,
  );
  writeFileSync(
    join(dir, 'driftwatch.config.yaml'),
    `version: 1\ntargets:\n  - name: prod-aws\n    provider: aws\n    tfDir: infra\n    scopes:\n      accounts: ["${PROD}", "${DENIED}"]\n      regions: [${REGION}]\n      assumeRole: { roleName: DriftwatchReadOnly, externalId: dw-prod-7f3a }\n`,
  );
  env = {
    AWS_ENDPOINT_URL_S3: s3.endpoint,
    AWS_ENDPOINT_URL_CONFIG_SERVICE: aws.url,
    AWS_ENDPOINT_URL_STS: aws.url,
    AWS_ACCESS_KEY_ID: S3RVER_CREDENTIALS.accessKeyId,
    AWS_SECRET_ACCESS_KEY: S3RVER_CREDENTIALS.secretAccessKey,
    AWS_REGION: REGION,
  };
}, 60_000);

afterAll(async () => {
  await s3?.close();
  await aws?.close();
  if (dir) rmSync(dir, { recursive: true, force: true });
});

describe('driftwatch scan --config (live AWS, state in S3 found by --tf-dir)', () => {
  it('reports real drift, and nothing missing in the account it could not read', async () => {
    const saved = { ...process.env };
    Object.assign(process.env, env);
    try {
      const r = await runCli(['scan', '--config', join(dir, 'driftwatch.config.yaml'), '--format', 'json'], {
        env,
      });
      expect(r.code).toBe(2);
      const report = JSON.parse(r.stdout);
      const found = report.drifts
        .map((d: { kind: string; address?: string; id: string }) => `${d.kind} ${d.address ?? d.id}`)
        .sort();
      // default workspace: instance type changed by hand; staging: an instance deleted in the readable account.
      expect(found).toEqual(['changed aws_instance.web', 'missing aws_instance.gone']);
      const denied = report.scopes.find((s: { scope: string }) => s.scope === `aws:${DENIED}:${REGION}`);
      expect(denied).toMatchObject({ complete: false });
      expect(denied.reason).toContain('AccessDenied');
      expect(report.notChecked.map((n: { address: string }) => n.address)).toEqual(['aws_instance.other']);
      expect(aws.count('AssumeRole')).toBe(2);
      const assume = aws.calls.find((c) => c.operation === 'AssumeRole' && c.account === PROD);
      expect(assume?.params).toMatchObject({ ExternalId: 'dw-prod-7f3a' });
    } finally {
      process.env = saved;
    }
  }, 60_000);
});
