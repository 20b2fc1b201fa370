import { scopeKey } from '../../../core/model/coverage.ts';
import { k8sDisplayId, k8sKey } from '../../../core/model/identity.ts';
import type { LiveResource } from '../../../core/model/live-resource.ts';
import { coverageOf } from './coverage-evidence.ts';
import { type FormatReader, fail, type ReadContext } from './reader.ts';
import { isPlainObject, str, stringMap } from './values.ts';

function isK8sObject(v: unknown): v is Record<string, unknown> {
  return isPlainObject(v) && typeof v.kind === 'string' && typeof v.apiVersion === 'string';
}

function isList(v: Record<string, unknown>): boolean {
  return typeof v.kind === 'string' && v.kind.endsWith('List') && Array.isArray(v.items);
}

/**
 * Kubernetes: `kubectl get -o json` (`kind: List`), typed lists from the API (`DeploymentList`, whose
 * items carry no apiVersion/kind), one object, or multi-document YAML (arrives as an array).
 */
export const kubernetesReader: FormatReader = {
  matches(doc) {
    if (Array.isArray(doc)) return doc.length > 0 && isK8sObject(doc[0]);
    return isK8sObject(doc) && (isList(doc) || isPlainObject(doc.metadata));
  },
  read(doc, ctx) {
    const resources: LiveResource[] = [];
    let incomplete: string | undefined;
    const docs = Array.isArray(doc) ? doc : [doc];
    docs.forEach((d, i) => {
      if (d === null || d === undefined) return; // empty YAML document between `---`
      if (!isK8sObject(d)) fail(ctx, `document ${i + 1} is not a Kubernetes object (no apiVersion/kind)`);
      if (!isList(d)) {
        resources.push(toLive(d, ctx, `document ${i + 1}`));
        return;
      }
      // A list cut short by --chunk-size/limit says so in metadata.continue.
      if (isPlainObject(d.metadata) && str(d.metadata.continue))
        incomplete = 'Kubernetes list is one chunk (metadata.continue present)';
      const itemKind = (d.kind as string).replace(/List$/, '');
      (d.items as unknown[]).forEach((item, j) => {
        if (!isPlainObject(item)) fail(ctx, `items[${j}] is not a Kubernetes object`);
        const typed = itemKind !== '' ? { apiVersion: d.apiVersion, kind: itemKind, ...item } : item;
        if (!isK8sObject(typed)) fail(ctx, `items[${j}] has no apiVersion/kind`);
        resources.push(toLive(typed, ctx, `items[${j}]`));
      });
    });
    return { resources, coverage: coverageOf(resources, ctx.source, incomplete) };
  },
};

function toLive(obj: Record<string, unknown>, ctx: ReadContext, where: string): LiveResource {
  const meta = isPlainObject(obj.metadata) ? obj.metadata : {};
  const name = str(meta.name);
  if (!name) fail(ctx, `${where} has no metadata.name`);
  const namespace = str(meta.namespace);
  const apiVersion = obj.apiVersion as string;
  const kind = obj.kind as string;
  return {
    provider: 'kubernetes',
    nativeType: `${apiVersion}/${kind}`,
    id: k8sDisplayId(namespace, name),
    ids: [k8sKey(apiVersion, kind, namespace, name)],
    name,
    scope: scopeKey.kubernetes(ctx.cluster),
    attributes: obj,
    tags: stringMap(meta.labels),
    capturedAt: null,
    source: ctx.source,
  };
}
