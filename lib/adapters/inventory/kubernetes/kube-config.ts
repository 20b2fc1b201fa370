import { KubeConfig } from '@kubernetes/client-node';
import type { KubernetesScopes } from '../../../core/config/scope-types.ts';
import { KubernetesConfigError } from './errors.ts';

/** The pseudo-context that means "the pod's own service account". */
export const IN_CLUSTER = 'in-cluster';

/** One cluster to scan: its context, reported cluster name, and a KubeConfig set to that context. */
export type ClusterTarget =
  | { context: string; cluster: string; kc: KubeConfig }
  | { context: string; cluster: string; error: string };

/**
 * The clusters to scan: each entry of `contexts` (empty = the current context), or only `only`.
 * Throws KubernetesConfigError when the kubeconfig cannot be read or `only` is not configured;
 * a context the kubeconfig lacks is a failure of that one scope, not of the scan.
 */
export function resolveTargets(scopes: KubernetesScopes, given?: KubeConfig, only?: string): ClusterTarget[] {
  let base: KubeConfig | undefined = given;
  const loadBase = () => {
    base ??= loadKubeConfig(scopes.kubeconfig);
    return base;
  };
  const contexts = scopes.contexts.length > 0 ? scopes.contexts : [currentContext(loadBase())];
  if (only !== undefined && !contexts.includes(only))
    throw new KubernetesConfigError(
      `context ${only} is not one of the configured contexts (${contexts.join(', ')})`,
    );
  return (only === undefined ? contexts : [only]).map((context) => {
    const cluster = scopes.clusterNames[context] ?? context;
    if (context === IN_CLUSTER) return inCluster(cluster);
    const kc = loadBase();
    if (!kc.getContextObject(context))
      return { context, cluster, error: `context ${context} is not in the kubeconfig` };
    const scoped = new KubeConfig();
    scoped.loadFromOptions({
      clusters: kc.clusters,
      users: kc.users,
      contexts: kc.contexts,
      currentContext: context,
    });
    return { context, cluster, kc: scoped };
  });
}

function currentContext(kc: KubeConfig): string {
  const c = kc.getCurrentContext();
  if (!c) throw new KubernetesConfigError('the kubeconfig has no current-context; list contexts in scopes');
  return c;
}

/** The kubeconfig file given, else $KUBECONFIG (merged, like kubectl), else ~/.kube/config. */
function loadKubeConfig(path: string | undefined): KubeConfig {
  const kc = new KubeConfig();
  try {
    if (path) kc.loadFromFile(path);
    else kc.loadFromDefault();
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    const why = code ?? (e instanceof Error ? e.message.split('\n')[0] : String(e));
    throw new KubernetesConfigError(`cannot read kubeconfig (${why})`, path ?? process.env.KUBECONFIG);
  }
  return kc;
}

function inCluster(cluster: string): ClusterTarget {
  if (!process.env.KUBERNETES_SERVICE_HOST)
    return {
      context: IN_CLUSTER,
      cluster,
      error: 'not running in a cluster (KUBERNETES_SERVICE_HOST unset)',
    };
  const kc = new KubeConfig();
  kc.loadFromCluster();
  return { context: IN_CLUSTER, cluster, kc };
}
