export type { ClusterStats, KubernetesCall, KubernetesRetryOptions } from './client.ts';
export { KubernetesApiError, KubernetesConfigError } from './errors.ts';
export { IN_CLUSTER } from './kube-config.ts';
export {
  type ClusterReport,
  KubernetesInventory,
  type KubernetesInventoryOptions,
} from './kubernetes-inventory.ts';
