import type { Provider } from './provider.ts';

// Self links and Cloud Asset names carry a service prefix that differs between APIs; the part after
// it (`projects/p/zones/z/instances/i`, `my-bucket`) is the stable identity.
const GCP_PREFIXES = [
  /^\/\/[a-z0-9.-]+\.googleapis\.com\//i,
  /^https:\/\/www\.googleapis\.com\/[a-z0-9]+\/(v[0-9][a-z0-9]*|beta|alpha)\//i,
  /^https:\/\/[a-z0-9.-]+\.googleapis\.com\/(v[0-9][a-z0-9]*|beta|alpha)\//i,
];

/**
 * Canonical form of an identity string, so the state's and the inventory's spellings meet:
 * - aws: as is (ARNs and ids are case-sensitive)
 * - azure: lower-case ARM id without trailing slash (ARM ids are case-insensitive)
 * - gcp: Cloud Asset name / self link / id with the service prefix removed
 * - kubernetes: as is (see k8sKey)
 */
export function normalizeIdentity(provider: Provider, id: string): string {
  switch (provider) {
    case 'azure':
      // Trailing slashes and blanks together, so the result is a fixed point (idempotent).
      return id
        .trim()
        .replace(/[\s/]+$/, '')
        .toLowerCase();
    case 'gcp': {
      let out = id.trim();
      for (const re of GCP_PREFIXES) out = out.replace(re, '');
      return out;
    }
    default:
      return id;
  }
}

/** API group of an apiVersion: `apps/v1` → `apps`, `v1` → `` (core). */
export function apiGroup(apiVersion: string): string {
  const slash = apiVersion.indexOf('/');
  return slash < 0 ? '' : apiVersion.slice(0, slash);
}

/**
 * Identity of a Kubernetes object: group + kind + namespace + name. The version is left out on
 * purpose: the same Deployment is one object whether read as apps/v1 or apps/v1beta2.
 */
export function k8sKey(
  apiVersion: string,
  kind: string,
  namespace: string | null | undefined,
  name: string,
): string {
  return `${apiGroup(apiVersion)}/${kind}/${namespace ?? ''}/${name}`;
}

/** Reported id of a Kubernetes object: `<namespace>/<name>`, or `<name>` when cluster-scoped. */
export function k8sDisplayId(namespace: string | null | undefined, name: string): string {
  return namespace ? `${namespace}/${name}` : name;
}

/** Parts of an ARN; null when the string is not one. */
export function parseArn(
  arn: string,
): { partition: string; service: string; region: string; account: string; resource: string } | null {
  const m = /^arn:([^:]+):([^:]+):([^:]*):([^:]*):(.+)$/.exec(arn);
  if (!m) return null;
  return { partition: m[1]!, service: m[2]!, region: m[3]!, account: m[4]!, resource: m[5]! };
}
