import { describe, expect, it } from 'vitest';
import { filterChanges, isIgnored, parseIgnoreFile } from '../../../../lib/core/ignore/index.ts';
import { UsageError } from '../../../../lib/core/model/errors.ts';

const bucket = { type: 'aws_s3_bucket', id: 'my-bucket', address: 'aws_s3_bucket.logs' };
const dotted = {
  type: 'aws_s3_bucket',
  id: 'my.bucket',
  address: 'module.store.aws_s3_bucket.b["my.bucket"]',
};
const subnet = {
  type: 'aws_subnet',
  id: 'subnet-0a1b2c3d4e5f60718',
  address: 'module.net.aws_subnet.private[1]',
};
const unmanagedBucket = {
  type: 'AWS::S3::Bucket',
  id: 'arn:aws:s3:::orphan-bucket',
  address: null,
  terraformTypes: ['aws_s3_bucket'],
};
const storage = {
  type: 'Microsoft.Storage/storageAccounts',
  id: '/subscriptions/0000/resourceGroups/rg-data/providers/Microsoft.Storage/storageAccounts/stdata01',
  address: null,
};
const deploy = {
  type: 'apps/v1/Deployment',
  id: 'default/web',
  address: 'k8s/web.yaml#Deployment/default/web',
};

const ignored = (text: string, d: Parameters<typeof isIgnored>[1]) =>
  isIgnored(parseIgnoreFile(text, '.driftignore'), d);

describe('parseIgnoreFile', () => {
  it('skips comments and blank lines, keeps line numbers', () => {
    const r = parseIgnoreFile('# header\n\naws_s3_bucket.a\r\n  !aws_s3_bucket.b  \n', 'x');
    expect(r.rules.map((x) => [x.line, x.text, x.negate])).toEqual([
      [3, 'aws_s3_bucket.a', false],
      [4, '!aws_s3_bucket.b', true],
    ]);
  });
  it('splits on unescaped dots only, keeping bracketed keys whole', () => {
    const r = parseIgnoreFile('aws_s3_bucket.my\\.bucket.tags.env\nmodule.m.aws_s3_bucket.b["a.b"]', 'x');
    expect(r.rules[0]!.segments).toEqual([['aws_s3_bucket'], ['my.bucket'], ['tags'], ['env']]);
    expect(r.rules[1]!.segments).toEqual([['module'], ['m'], ['aws_s3_bucket'], ['b["a.b"]']]);
  });
  it('represents * as a wildcard and \\* as a literal star', () => {
    const r = parseIgnoreFile('aws_s3_bucket.pre*\\*', 'x');
    expect(r.rules[0]!.segments[1]).toEqual(['pre', null, '*']);
  });
  it.each([
    ['aws_s3_bucket', 'expected <type>.<id-or-address>'],
    ['aws_s3_bucket..x', 'empty segment'],
    ['aws_s3_bucket.x.', 'empty segment'],
    ['.aws_s3_bucket.x', 'empty segment'],
    ['!', '"!" must be followed'],
    ['aws_s3_bucket.x\\', 'trailing'],
    ['aws_s3_bucket.b["x', 'unclosed'],
    ['aws_s3_bucket.b]', 'without'],
    ['aws_s3_bucket.a\u0007b', 'control'],
  ])('rejects %j naming file and line', (line, why) => {
    const text = `# ok\naws_s3_bucket.fine\n${line}\n`;
    expect(() => parseIgnoreFile(text, 'infra/.driftignore')).toThrowError(UsageError);
    expect(() => parseIgnoreFile(text, 'infra/.driftignore')).toThrowError(
      /^infra\/\.driftignore:3: invalid ignore rule/,
    );
    expect(() => parseIgnoreFile(text, 'infra/.driftignore')).toThrowError(why);
  });
});

describe('isIgnored', () => {
  it('matches <type>.<id>', () => {
    expect(ignored('aws_s3_bucket.my-bucket', bucket)).toBe(true);
    expect(ignored('aws_s3_bucket.other', bucket)).toBe(false);
    expect(ignored('aws_instance.my-bucket', bucket)).toBe(false);
  });
  it('matches a Terraform address, root and module', () => {
    expect(ignored('aws_s3_bucket.logs', bucket)).toBe(true);
    expect(ignored('module.net.aws_subnet.private[1]', subnet)).toBe(true);
    expect(ignored('module.net.aws_subnet.private[0]', subnet)).toBe(false);
    expect(ignored('module.net.*', subnet)).toBe(true);
    expect(ignored('module.store.aws_s3_bucket.b["my.bucket"]', dotted)).toBe(true);
  });
  it('needs the dot in an id escaped', () => {
    expect(ignored('aws_s3_bucket.my\\.bucket', dotted)).toBe(true);
    expect(ignored('aws_s3_bucket.my.bucket', dotted)).toBe(false); // reads as id "my" + path "bucket"
  });
  it('* matches any characters in the id, dots and slashes included', () => {
    expect(ignored('aws_s3_bucket.*', dotted)).toBe(true);
    expect(ignored('aws_s3_bucket.my*', dotted)).toBe(true);
    expect(ignored('aws_s3_bucket.*bucket', bucket)).toBe(true);
    expect(ignored('aws_subnet.subnet-*', subnet)).toBe(true);
    expect(ignored('aws_*.*', subnet)).toBe(true);
  });
  it('matches unmanaged items by native type and by their terraform type', () => {
    expect(ignored('AWS::S3::Bucket.*', unmanagedBucket)).toBe(true);
    expect(ignored('aws_s3_bucket.arn:aws:s3:::orphan-*', unmanagedBucket)).toBe(true);
    expect(ignored('aws_instance.*', unmanagedBucket)).toBe(false);
  });
  it('takes the terraform types as a third argument too', () => {
    const rules = parseIgnoreFile('aws_s3_bucket.*', 'f');
    const d = { type: 'AWS::S3::Bucket', id: 'arn:aws:s3:::x', address: null };
    expect(isIgnored(rules, d)).toBe(false);
    expect(isIgnored(rules, d, ['aws_s3_bucket'])).toBe(true);
  });
  it('matches dotted native types without escaping, and ARM ids with / and :', () => {
    expect(ignored('Microsoft.Storage/storageAccounts.*', storage)).toBe(true);
    expect(ignored('Microsoft\\.Storage/storageAccounts.*', storage)).toBe(true);
    expect(ignored('Microsoft.Storage/storageAccounts./subscriptions/0000/*/stdata01', storage)).toBe(true);
    expect(ignored('Microsoft.Network/networkSecurityGroups.*', storage)).toBe(false);
  });
  it('matches Kubernetes ns/name ids and manifest addresses', () => {
    expect(ignored('apps/v1/Deployment.default/web', deploy)).toBe(true);
    expect(ignored('apps/v1/Deployment.kube-*/*', deploy)).toBe(false);
    expect(ignored('k8s/web.yaml#Deployment/default/web', deploy)).toBe(true);
  });
  it('later lines win, gitignore-style', () => {
    expect(ignored('aws_s3_bucket.*\n!aws_s3_bucket.my-bucket', bucket)).toBe(false);
    expect(ignored('!aws_s3_bucket.my-bucket\naws_s3_bucket.*', bucket)).toBe(true);
    expect(ignored('aws_s3_bucket.*\n!aws_s3_bucket.my-bucket\naws_s3_bucket.my-*', bucket)).toBe(true);
  });
  it('an attribute line does not ignore the whole drift', () => {
    expect(ignored('aws_s3_bucket.my-bucket.tags', bucket)).toBe(false);
  });
});

describe('filterChanges', () => {
  const changes = [
    { path: 'tags.env', desired: 'prod', actual: 'dev' },
    { path: 'tags.owner', desired: 'a', actual: 'b' },
    { path: 'tags.kubernetes.io/cluster/main', desired: 'owned', actual: null },
    { path: 'versioning.0.enabled', desired: true, actual: false },
    { path: 'ingress.0.cidr_blocks', desired: [], actual: ['0.0.0.0/0'] },
  ];
  const keep = (text: string, d = bucket) =>
    filterChanges(parseIgnoreFile(text, 'f'), d, changes).map((c) => c.path);

  it('drops the changes at or below an attribute path', () => {
    expect(keep('aws_s3_bucket.my-bucket.tags')).toEqual(['versioning.0.enabled', 'ingress.0.cidr_blocks']);
    expect(keep('aws_s3_bucket.*.tags.env')).toEqual([
      'tags.owner',
      'tags.kubernetes.io/cluster/main',
      'versioning.0.enabled',
      'ingress.0.cidr_blocks',
    ]);
  });
  it('does not treat a path as a string prefix (tags.env does not hide tags.environment)', () => {
    const r = filterChanges(parseIgnoreFile('aws_s3_bucket.*.tags.env', 'f'), bucket, [
      { path: 'tags.environment' },
    ]);
    expect(r).toEqual([{ path: 'tags.environment' }]);
  });
  it('* in a path matches one segment; escaped dots match dotted keys', () => {
    expect(keep('aws_s3_bucket.my-bucket.*.0')).toEqual([
      'tags.env',
      'tags.owner',
      'tags.kubernetes.io/cluster/main',
    ]);
    expect(keep('aws_s3_bucket.my-bucket.tags.kubernetes\\.io/cluster/*')).toEqual([
      'tags.env',
      'tags.owner',
      'versioning.0.enabled',
      'ingress.0.cidr_blocks',
    ]);
  });
  it('attribute lines work with addresses too, and negation re-admits', () => {
    expect(keep('aws_s3_bucket.logs.tags\n!aws_s3_bucket.logs.tags.owner')).toEqual([
      'tags.owner',
      'versioning.0.enabled',
      'ingress.0.cidr_blocks',
    ]);
  });
  it('a whole-drift rule drops every change; a later negation brings them back', () => {
    expect(keep('aws_s3_bucket.*')).toEqual([]);
    expect(keep('aws_s3_bucket.*\n!aws_s3_bucket.my-bucket')).toHaveLength(5);
  });
  it('rules for other resources leave changes alone', () => {
    expect(keep('aws_s3_bucket.other.tags\naws_instance.*')).toHaveLength(5);
  });
});
