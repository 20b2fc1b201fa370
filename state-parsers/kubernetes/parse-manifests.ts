import { k8sDisplayId } from '../../lib/core/model/identity.ts';
import { effectiveNamespace } from '../../lib/core/model/kubernetes.ts';
import type { SensitiveHasher } from '../../lib/core/model/sensitive.ts';
import type { StateResource } from '../../lib/core/model/state-resource.ts';
import { expandLists, type KubernetesObject, notAnObjectReason } from './k8s-object.ts';
import { sealManifest } from './seal.ts';
import { readDocuments, type SkippedDocument } from './yaml-documents.ts';

export interface ParseManifestsOptions {
  /** Path of the file relative to the manifest root; used in addresses and messages. */
  path: string;
  hasher: SensitiveHasher;
}

export interface ParsedManifests {
  resources: StateResource[];
  skipped: SkippedDocument[];
}

/**
 * Address of a manifest object: `<path>#<kind>/<namespace>/<name>` for namespaced kinds (namespace
 * 'default' when the manifest omits it), `<path>#<kind>/<name>` for cluster-scoped kinds.
 */
export function manifestAddress(path: string, kind: string, namespace: string | null, name: string): string {
  return namespace === null ? `${path}#${kind}/${name}` : `${path}#${kind}/${namespace}/${name}`;
}

function toResource(obj: KubernetesObject, opts: ParseManifestsOptions): StateResource {
  const name = obj.metadata.name;
  const namespace = effectiveNamespace(obj.kind, obj.metadata.namespace);
  return {
    source: opts.path,
    address: manifestAddress(opts.path, obj.kind, namespace, name),
    mode: 'managed',
    type: 'kubernetes_manifest',
    name,
    module: null,
    index: null,
    provider: 'manifest',
    cloud: 'kubernetes',
    id: k8sDisplayId(namespace, name),
    attributes: { manifest: sealManifest(obj, opts.hasher) },
    manifestPath: opts.path,
  };
}

/** Parses one manifest file (multi-document YAML or JSON), listing what was skipped and why. */
export function parseManifestsDetailed(text: string, opts: ParseManifestsOptions): ParsedManifests {
  const { documents, skipped } = readDocuments(text, opts.path);
  const resources: StateResource[] = [];
  for (const { document, value } of documents) {
    // A top-level array (JSON export of several objects) is a list too.
    for (const item of (Array.isArray(value) ? value : [value]).flatMap(expandLists)) {
      const reason = notAnObjectReason(item);
      if (reason === null) resources.push(toResource(item as KubernetesObject, opts));
      else if (reason !== 'empty document') skipped.push({ document, reason });
    }
  }
  return { resources, skipped };
}

/** Kubernetes objects declared by one manifest file; anything that is not one is skipped. */
export function parseManifests(text: string, opts: ParseManifestsOptions): StateResource[] {
  return parseManifestsDetailed(text, opts).resources;
}
