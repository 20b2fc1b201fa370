import { isPlainObject } from '../../core/diff/path.ts';
import { setOwn } from '../../core/normalize/kubernetes/own.ts';

// Kubernetes list fields whose hashicorp/kubernetes block has a singular or different name.
const RENAME: Record<string, string> = {
  containers: 'container',
  initContainers: 'init_container',
  ephemeralContainers: 'ephemeral_container',
  ports: 'port',
  volumes: 'volume',
  volumeMounts: 'volume_mount',
  volumeDevices: 'volume_device',
  tolerations: 'toleration',
  topologySpreadConstraints: 'topology_spread_constraint',
  readinessGates: 'readiness_gate',
  httpHeaders: 'http_header',
  nodeSelectorTerms: 'node_selector_term',
  sysctls: 'sysctl',
  options: 'option',
  volumeClaimTemplates: 'volume_claim_template',
  externalIPs: 'external_ips',
};

// Fields that are string-keyed maps in both worlds (everything else object-valued is a block).
const MAPS = new Set([
  'labels',
  'annotations',
  'nodeSelector',
  'matchLabels',
  'limits',
  'requests',
  'data',
  'binaryData',
  'stringData',
  'hard',
  'parameters',
  'volumeAttributes',
  'overhead',
  'capacity',
  'allocatable',
]);

// File modes: the provider keeps them as octal strings ("0644"), the API as integers (420).
const OCTAL_MODES = new Set(['defaultMode', 'mode']);

/** camelCase → snake_case the way the provider names attributes (`clusterIPs` → `cluster_ips`). */
export function snakeCase(key: string): string {
  return key
    .replace(/([a-z0-9])([A-Z])/g, '$1_$2')
    .replace(/([A-Z]+)([A-Z][a-z]{2,})/g, '$1_$2')
    .toLowerCase();
}

function isMapField(key: string, v: Record<string, unknown>): boolean {
  // Service `selector` is a label map; a workload's is a LabelSelector block.
  if (key === 'selector') return !('matchLabels' in v) && !('matchExpressions' in v);
  return MAPS.has(key);
}

function convert(key: string, v: unknown): unknown {
  if (Array.isArray(v)) return v.map((x) => (isPlainObject(x) ? toTerraformShape(x) : x));
  if (isPlainObject(v)) return isMapField(key, v) ? v : [toTerraformShape(v)];
  if (OCTAL_MODES.has(key) && typeof v === 'number' && Number.isInteger(v)) return `0${v.toString(8)}`;
  return v;
}

/**
 * A live Kubernetes object (or part of one) in the hashicorp/kubernetes state shape: snake_case
 * attributes, nested objects as one-element block lists, list fields under their block names, so
 * `spec.template.spec.containers[0].image` reads as `spec.0.template.0.spec.0.container.0.image`.
 */
export function toTerraformShape(obj: Record<string, unknown>): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(obj)) setOwn(out, RENAME[k] ?? snakeCase(k), convert(k, v));
  return out;
}
