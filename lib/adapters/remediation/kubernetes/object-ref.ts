import type { DriftRecord } from '../../../core/model/drift-record.ts';
import { RemediationError } from '../../../core/remediation/errors.ts';

/** What the Kubernetes API needs to address one object. */
export interface ObjectRef {
  apiVersion: string;
  kind: string;
  namespace?: string;
  name: string;
}

// Terraform kubernetes provider types → API version and kind (the ones remediation patches).
const TF_TYPES: Record<string, [string, string]> = {
  kubernetes_deployment: ['apps/v1', 'Deployment'],
  kubernetes_deployment_v1: ['apps/v1', 'Deployment'],
  kubernetes_stateful_set: ['apps/v1', 'StatefulSet'],
  kubernetes_stateful_set_v1: ['apps/v1', 'StatefulSet'],
  kubernetes_daemon_set_v1: ['apps/v1', 'DaemonSet'],
  kubernetes_daemonset: ['apps/v1', 'DaemonSet'],
  kubernetes_service: ['v1', 'Service'],
  kubernetes_service_v1: ['v1', 'Service'],
  kubernetes_config_map: ['v1', 'ConfigMap'],
  kubernetes_config_map_v1: ['v1', 'ConfigMap'],
};

/** The object of a drift record: type `<apiVersion>/<kind>` (manifests) or a Terraform type; id `<namespace>/<name>`. */
export function objectRef(record: DriftRecord): ObjectRef {
  const type = record.nativeType ?? record.type;
  const tf = TF_TYPES[type] ?? TF_TYPES[record.type];
  let apiVersion: string;
  let kind: string;
  if (tf) [apiVersion, kind] = tf;
  else {
    const i = type.lastIndexOf('/');
    if (i <= 0) throw new RemediationError(`cannot tell the Kubernetes kind of ${type}`, record.id);
    apiVersion = type.slice(0, i);
    kind = type.slice(i + 1);
  }
  const parts = record.resourceId.split('/');
  const name = parts.pop();
  if (!name) throw new RemediationError(`cannot tell the object name of ${record.resourceId}`, record.id);
  const namespace = parts.pop();
  return { apiVersion, kind, name, ...(namespace ? { namespace } : {}) };
}
