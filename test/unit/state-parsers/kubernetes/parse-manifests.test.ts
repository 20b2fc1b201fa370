import { createHmac } from 'node:crypto';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { ManifestParseError } from '../../../../lib/core/model/errors.ts';
import { isSensitive } from '../../../../lib/core/model/sensitive.ts';
import { StateResourceSchema } from '../../../../lib/core/model/state-resource.ts';
import { parseManifests, parseManifestsDetailed } from '../../../../state-parsers/kubernetes/index.ts';

const hasher = (s: string) => createHmac('sha256', 'test-key').update(s).digest('hex');
const parse = (text: string, path = 'apps/x.yaml') => parseManifests(text, { path, hasher });

describe('parseManifests', () => {
  it('turns every document of a multi-document file into a resource', () => {
    const out = parse(
      [
        'apiVersion: apps/v1',
        'kind: Deployment',
        'metadata: {name: web, namespace: shop}',
        'spec: {replicas: 2}',
        '---',
        '# a comment-only document',
        '---',
        'apiVersion: v1',
        'kind: Service',
        'metadata: {name: web}',
      ].join('\n'),
    );
    expect(out.map((r) => [r.address, r.id, r.name])).toEqual([
      ['apps/x.yaml#Deployment/shop/web', 'shop/web', 'web'],
      ['apps/x.yaml#Service/default/web', 'default/web', 'web'],
    ]);
    expect(out[0]).toEqual({
      source: 'apps/x.yaml',
      address: 'apps/x.yaml#Deployment/shop/web',
      mode: 'managed',
      type: 'kubernetes_manifest',
      name: 'web',
      module: null,
      index: null,
      provider: 'manifest',
      cloud: 'kubernetes',
      id: 'shop/web',
      manifestPath: 'apps/x.yaml',
      attributes: {
        manifest: {
          apiVersion: 'apps/v1',
          kind: 'Deployment',
          metadata: { name: 'web', namespace: 'shop' },
          spec: { replicas: 2 },
        },
      },
    });
    for (const r of out) expect(StateResourceSchema.parse(r)).toEqual(r);
  });

  it('gives cluster-scoped kinds no namespace in address and id', () => {
    const out = parse(
      'apiVersion: rbac.authorization.k8s.io/v1\nkind: ClusterRole\nmetadata: {name: reader}\n',
    );
    expect(out.map((r) => [r.address, r.id])).toEqual([['apps/x.yaml#ClusterRole/reader', 'reader']]);
  });

  it('expands List documents', () => {
    const json = JSON.stringify({
      apiVersion: 'v1',
      kind: 'List',
      metadata: { resourceVersion: '' },
      items: [
        { apiVersion: 'v1', kind: 'ConfigMap', metadata: { name: 'a', namespace: 'n' } },
        { apiVersion: 'v1', kind: 'Namespace', metadata: { name: 'n' } },
      ],
    });
    expect(parse(json, 'list.json').map((r) => r.address)).toEqual([
      'list.json#ConfigMap/n/a',
      'list.json#Namespace/n',
    ]);
  });

  it('expands a top-level JSON array of objects', () => {
    const json = JSON.stringify([
      { apiVersion: 'v1', kind: 'ConfigMap', metadata: { name: 'a' } },
      { apiVersion: 'v1', kind: 'ConfigMap', metadata: { name: 'b' } },
    ]);
    expect(parse(json, 'all.json').map((r) => r.address)).toEqual([
      'all.json#ConfigMap/default/a',
      'all.json#ConfigMap/default/b',
    ]);
  });

  it('reads YAML the way Kubernetes does: 1.1 booleans and octal modes, timestamps as text', () => {
    const [res] = parse(
      'apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: c\n  creationTimestamp: 2024-01-01T00:00:00Z\n' +
        'data:\n  mode: 0644\n  flag: yes\n  time: 1:30\n',
    );
    expect(res!.attributes.manifest).toMatchObject({
      metadata: { creationTimestamp: '2024-01-01T00:00:00Z' },
      data: { mode: 420, flag: true, time: '1:30' },
    });
  });

  it('seals Secret data (decoded) and stringData into data, and secret-looking values', () => {
    const [res] = parse(
      [
        'apiVersion: v1',
        'kind: Secret',
        'metadata: {name: db}',
        'data: {username: c2hvcA==}',
        'stringData: {password: hunter2}',
      ].join('\n'),
    );
    const manifest = res!.attributes.manifest as Record<string, unknown>;
    expect(manifest.data).toEqual({
      username: { $sensitive: hasher('shop') },
      password: { $sensitive: hasher('hunter2') },
    });
    expect(manifest).not.toHaveProperty('stringData');
    const pod = parse(
      'apiVersion: v1\nkind: Pod\nmetadata: {name: p}\nspec:\n  containers:\n  - name: app\n    env:\n' +
        '    - {name: API_TOKEN, value: abc123}\n    - {name: LOG_LEVEL, value: info}\n',
    )[0]!;
    const env = (pod.attributes.manifest as { spec: { containers: { env: { value: unknown }[] }[] } }).spec
      .containers[0]!.env;
    expect(isSensitive(env[0]!.value)).toBe(true);
    expect(env[1]!.value).toBe('info');
    expect(JSON.stringify([res, pod])).not.toMatch(/hunter2|abc123/);
  });

  it('skips documents that are not cluster objects, with reasons', () => {
    const out = parseManifestsDetailed(
      [
        'name: ci',
        'on: {push: {branches: [main]}}',
        '---',
        'apiVersion: kustomize.config.k8s.io/v1beta1',
        'kind: Kustomization',
        'resources: [web.yaml]',
        '---',
        'apiVersion: v2',
        'name: chart',
        'version: 0.1.0',
        '---',
        'apiVersion: v1',
        'kind: Pod',
        'metadata: {generateName: job-}',
      ].join('\n'),
      { path: 'mixed.yaml', hasher },
    );
    expect(out.resources).toEqual([]);
    expect(out.skipped).toEqual([
      { document: 0, reason: 'no apiVersion/kind: not a Kubernetes object' },
      {
        document: 1,
        reason: 'kustomize.config.k8s.io/v1beta1 Kustomization is tool configuration, not a cluster object',
      },
      { document: 2, reason: 'no apiVersion/kind: not a Kubernetes object' },
      { document: 3, reason: 'metadata.generateName only: the object has no stable name' },
    ]);
  });

  it('skips Helm templates, even when they are half-valid YAML, without an error', () => {
    const text = [
      'apiVersion: v1',
      'kind: Service',
      'metadata:',
      '  name: {{ .Release.Name }}',
      '---',
      '{{- if .Values.enabled }}',
      'apiVersion: v1',
      'kind: ConfigMap',
      '{{- end }}',
    ].join('\n');
    const out = parseManifestsDetailed(text, { path: 'templates/svc.yaml', hasher });
    expect(out.resources).toEqual([]);
    expect(out.skipped.map((s) => s.reason)).toEqual([
      'template ({{ }}) is not plain YAML',
      'template ({{ }}) is not plain YAML',
    ]);
  });

  it('skips templates whose every {{ }} is quoted, by their templated name', () => {
    const text = 'apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: "{{ .Release.Name }}-config"\n';
    expect(parseManifestsDetailed(text, { path: 't.yaml', hasher })).toEqual({
      resources: [],
      skipped: [
        { document: 0, reason: 'template ({{ }}) in apiVersion/kind/name/namespace: not a plain manifest' },
      ],
    });
  });

  it('keeps quoted {{ }} text in values (Prometheus alert templates)', () => {
    const out = parse(
      'apiVersion: v1\nkind: ConfigMap\nmetadata: {name: alerts}\ndata:\n  summary: "{{ $labels.instance }} is down"\n',
    );
    expect(out[0]!.attributes.manifest).toMatchObject({
      data: { summary: '{{ $labels.instance }} is down' },
    });
  });

  it('fails, naming the file, on broken YAML that looks like a Kubernetes object', () => {
    const broken = 'apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: [oops\n';
    expect(() => parse(broken, 'apps/broken.yaml')).toThrow(ManifestParseError);
    expect(() => parse(broken, 'apps/broken.yaml')).toThrow(
      /^apps\/broken\.yaml: invalid YAML in document 1/,
    );
  });

  it('skips broken YAML that is not a Kubernetes object', () => {
    const notes = 'title: how apiVersion and kind work\nfoo: [bar\n';
    expect(parseManifestsDetailed(notes, { path: 'notes.yaml', hasher }).skipped).toEqual([
      { document: 0, reason: 'not valid YAML' },
    ]);
    expect(parseManifestsDetailed('foo: [bar\n', { path: 'notes.yaml', hasher }).skipped).toEqual([
      { document: 0, reason: 'no apiVersion/kind: not a Kubernetes object' },
    ]);
    expect(parseManifestsDetailed('', { path: 'empty.yaml', hasher }).skipped).toEqual([]);
  });

  it('never throws anything but ManifestParseError on arbitrary input', () => {
    const yamlish = fc.array(
      fc.oneof(
        fc.constantFrom(
          'apiVersion: v1',
          'kind: Secret',
          'metadata:',
          '  name: x',
          '---',
          'data:',
          '  a: b',
          '{{ x }}',
        ),
        fc.string(),
      ),
      { maxLength: 12 },
    );
    fc.assert(
      fc.property(
        fc.oneof(
          fc.string(),
          yamlish.map((l) => l.join('\n')),
          fc.json(),
        ),
        (text) => {
          try {
            parse(text);
          } catch (err) {
            if (!(err instanceof ManifestParseError)) throw err;
          }
        },
      ),
      { numRuns: 400 },
    );
  });
});
