import type { ResourceMapping } from '../../core/mapping/types.ts';
import { kubernetesConfigMap } from './config-map.ts';
import { kubernetesDeployment } from './deployment.ts';
import { kubectlManifest } from './kubectl-manifest.ts';
import { kubernetesManifest } from './manifest.ts';
import { kubernetesNamespace } from './namespace.ts';
import { kubernetesSecret } from './secret.ts';
import { kubernetesService } from './service.ts';

export { kubernetesConfigMap } from './config-map.ts';
export { kubernetesDeployment } from './deployment.ts';
export { kubectlManifest } from './kubectl-manifest.ts';
export { kubernetesManifest, manifestObject, manifestObjectMapping } from './manifest.ts';
export { kubernetesNamespace } from './namespace.ts';
export { kubernetesSecret } from './secret.ts';
export { kubernetesService } from './service.ts';
export { toTerraformShape } from './terraform-shape.ts';

/** Hand-written Kubernetes mappings (kubernetes_* and their _v1 forms, kubernetes_manifest, kubectl_manifest). */
export const kubernetesMappings: readonly ResourceMapping[] = [
  kubernetesDeployment,
  kubernetesService,
  kubernetesConfigMap,
  kubernetesSecret,
  kubernetesNamespace,
  kubernetesManifest,
  kubectlManifest,
];
