import type { ResourceMapping } from '../mapping/types.ts';
import { isPlainObject } from '../model/plain-object.ts';
import type { StateResource } from '../model/state-resource.ts';

/** Reported type of a desired resource: Terraform type, or `<apiVersion>/<kind>` for manifest objects. */
export function desiredType(res: StateResource): string {
  if (res.manifestPath !== undefined) {
    const m = res.attributes.manifest;
    if (isPlainObject(m) && typeof m.apiVersion === 'string' && typeof m.kind === 'string') {
      return `${m.apiVersion}/${m.kind}`;
    }
  }
  return res.type;
}

/** Reported id of a declared resource that has no live item: ARN, else id, else first identity. */
export function desiredId(res: StateResource, mapping: ResourceMapping | undefined): string {
  if (res.cloud === 'kubernetes') {
    // k8sKey is `<group>/<kind>/<namespace>/<name>`; the report shows `<namespace>/<name>`.
    const key = mapping?.identities(res)[0];
    if (key) {
      const [, , ns, ...name] = key.split('/');
      return ns ? `${ns}/${name.join('/')}` : name.join('/');
    }
  }
  const arn = res.attributes.arn;
  if (typeof arn === 'string' && arn.startsWith('arn:')) return arn;
  return res.id ?? mapping?.identities(res)[0] ?? res.address;
}
