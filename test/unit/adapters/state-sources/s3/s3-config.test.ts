import { describe, expect, it } from 'vitest';
import {
  createS3Client,
  parseS3Url,
  S3StateSource,
  workspaceKey,
  workspaceOf,
} from '../../../../../lib/adapters/state-sources/s3/index.ts';
import { UsageError } from '../../../../../lib/core/model/errors.ts';

process.env.AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED = 'true';

describe('parseS3Url', () => {
  it('splits bucket and key (the key may hold slashes and colons)', () => {
    expect(parseS3Url('s3://acme-tfstate/env:/dev/net/terraform.tfstate')).toEqual({
      bucket: 'acme-tfstate',
      key: 'env:/dev/net/terraform.tfstate',
    });
  });
  it.each(['s3://acme-tfstate', 's3://acme-tfstate/', 'gs://acme/x', 's3://Bad_Bucket/k'])(
    'refuses %s',
    (url) => {
      expect(() => parseS3Url(url)).toThrow(UsageError);
    },
  );
  it('refuses a workspace name the backend could not have written', () => {
    expect(() => new S3StateSource('s3://acme-tfstate/k', { hasher: String, workspaces: ['a/b'] })).toThrow();
  });
});

describe('workspace keys (Terraform S3 backend layout)', () => {
  it('puts workspaces at <prefix>/<ws>/<key>, default at the key', () => {
    expect(workspaceKey('net/terraform.tfstate', 'default', 'env:')).toBe('net/terraform.tfstate');
    expect(workspaceKey('net/terraform.tfstate', 'dev', 'env:')).toBe('env:/dev/net/terraform.tfstate');
    expect(workspaceKey('app.tfstate', 'dev', '')).toBe('dev/app.tfstate');
  });
  it('recognises only <prefix>/<ws>/<key> when listing', () => {
    expect(workspaceOf('env:/dev/net/terraform.tfstate', 'net/terraform.tfstate', 'env:')).toBe('dev');
    expect(workspaceOf('env:/dev/other.tfstate', 'net/terraform.tfstate', 'env:')).toBeNull();
    expect(workspaceOf('env:/a/b/net/terraform.tfstate', 'net/terraform.tfstate', 'env:')).toBeNull();
    expect(workspaceOf('env:/net/terraform.tfstate', 'net/terraform.tfstate', 'env:')).toBeNull();
    expect(workspaceOf('prod/app.tfstate', 'app.tfstate', '')).toBe('prod');
    expect(workspaceOf('app.tfstate', 'app.tfstate', '')).toBeNull();
  });
});

describe('createS3Client', () => {
  it('uses AWS_ENDPOINT_URL_S3 before AWS_ENDPOINT_URL, with path-style addressing', async () => {
    const c = createS3Client(
      {},
      {
        AWS_ENDPOINT_URL_S3: 'http://127.0.0.1:4566',
        AWS_ENDPOINT_URL: 'http://127.0.0.1:9999',
        AWS_REGION: 'eu-central-1',
      },
    );
    const ep = await c.config.endpoint?.();
    expect([ep?.hostname, ep?.port]).toEqual(['127.0.0.1', 4566]);
    expect(c.config.forcePathStyle).toBe(true);
    expect(await c.config.region()).toBe('eu-central-1');
  });
  it('falls back to AWS_ENDPOINT_URL, and the region option wins over the environment', async () => {
    const c = createS3Client(
      { region: 'ap-southeast-2' },
      { AWS_ENDPOINT_URL: 'http://127.0.0.1:9000', AWS_REGION: 'x' },
    );
    expect((await c.config.endpoint?.())?.port).toBe(9000);
    expect(await c.config.region()).toBe('ap-southeast-2');
  });
  it('keeps virtual-hosted addressing on real AWS', async () => {
    const c = createS3Client({}, {});
    expect(c.config.forcePathStyle).toBe(false);
    expect(await c.config.region()).toBe('us-east-1');
  });
});
