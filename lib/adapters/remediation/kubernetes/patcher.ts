import { KubeConfig, KubernetesObjectApi, PatchStrategy } from '@kubernetes/client-node';
import type { ObjectRef } from './object-ref.ts';

/** Sends one patch to the Kubernetes API (tests point a KubeConfig at a local server). */
export interface KubernetesPatcher {
  patch(ref: ObjectRef, patch: Record<string, unknown>, strategy: 'merge' | 'strategic'): Promise<void>;
}

/** The default kubeconfig, on the given context when one is named (the drift's cluster scope). */
export function kubeConfigFor(context?: string): KubeConfig {
  const kc = new KubeConfig();
  kc.loadFromDefault();
  if (context && kc.getContexts().some((c) => c.name === context)) kc.setCurrentContext(context);
  return kc;
}

/** A patcher on @kubernetes/client-node's generic object API (resource discovery included). */
export function clientNodePatcher(kc: KubeConfig): KubernetesPatcher {
  const api = KubernetesObjectApi.makeApiClient(kc);
  return {
    async patch(ref, patch, strategy) {
      // The patch may carry metadata (labels, annotations): the object's name and namespace win.
      const meta = (patch.metadata ?? {}) as Record<string, unknown>;
      const spec = {
        ...patch,
        apiVersion: ref.apiVersion,
        kind: ref.kind,
        metadata: { ...meta, name: ref.name, ...(ref.namespace ? { namespace: ref.namespace } : {}) },
      };
      await api.patch(
        spec,
        undefined,
        undefined,
        'driftwatch',
        undefined,
        strategy === 'strategic' ? PatchStrategy.StrategicMergePatch : PatchStrategy.MergePatch,
      );
    },
  };
}
