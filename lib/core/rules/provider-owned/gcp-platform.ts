import { isPlainObject } from '../../model/plain-object.ts';
import { field, str } from './read.ts';
import type { ProviderOwnedRule } from './types.ts';

type L = { attributes: Record<string, unknown> | null; tags: Record<string, string> | null; id: string };
const data = (l: L) => l.attributes ?? {};
const lastOf = (s: string) => s.slice(s.lastIndexOf('/') + 1);

// Services a new project has enabled before anyone touches it (Service Usage docs, "enabled by default").
const DEFAULT_SERVICES = new Set(
  [
    'analyticshub',
    'bigquery',
    'bigqueryconnection',
    'bigquerydatapolicy',
    'bigquerymigration',
    'bigqueryreservation',
    'bigquerystorage',
    'cloudapis',
    'clouddebugger',
    'cloudtrace',
    'dataform',
    'dataplex',
    'datastore',
    'logging',
    'monitoring',
    'servicemanagement',
    'serviceusage',
    'sql-component',
    'storage-api',
    'storage-component',
    'storage',
  ].map((s) => `${s}.googleapis.com`),
);

// Firewall rules GKE writes for a cluster (`gke-<cluster>-<hash>-all|master|vms|…`) and for Services/Ingresses.
const GKE_FIREWALL =
  /^(gke-.+-[0-9a-f]{8}-(all|master|vms|exkubelet|inkubelet|ipv6-all)|k8s-fw-[0-9a-f]+|k8s-[0-9a-f]{16}-node-(hc|http-hc)|k8s2-.+)$/;
const K8S_DESCRIPTION = /"kubernetes\.io\/(service-name|ingress-name|created-for\/pvc\/name)"/;
const obj = (v: unknown): Record<string, unknown> => (isPlainObject(v) ? v : {});
// Labels sit at data.labels (tags), data.metadata.labels (Cloud Run v1) or data.properties.labels (templates).
const labelsOf = (l: L): Record<string, unknown> => ({
  ...(l.tags ?? {}),
  ...obj(field(data(l), 'metadata', 'labels')),
  ...obj(field(data(l), 'properties', 'labels')),
});

/** Google-created plumbing: default network, system routes, logging defaults, GKE and service machinery. */
export const gcpPlatformRules: readonly ProviderOwnedRule[] = [
  {
    // The auto-mode `default` network every project starts with, and its per-region `default` subnets.
    name: 'gcp-default-network',
    provider: 'gcp',
    owns: (l) =>
      (l.nativeType === 'compute.googleapis.com/Network' &&
        str(data(l), 'name') === 'default' &&
        field(data(l), 'autoCreateSubnetworks') === true) ||
      (l.nativeType === 'compute.googleapis.com/Subnetwork' &&
        str(data(l), 'name') === 'default' &&
        (str(data(l), 'network') ?? '').endsWith('/global/networks/default')),
  },
  {
    // Every VPC gets a default Internet route and one local route per subnet; routes-based GKE adds node routes.
    name: 'gcp-system-route',
    provider: 'gcp',
    owns: (l) => {
      if (l.nativeType !== 'compute.googleapis.com/Route') return false;
      const description = str(data(l), 'description') ?? '';
      return (
        (/^default-route-[0-9a-f]+$/.test(str(data(l), 'name') ?? '') &&
          /^Default (route to the Internet|local route to the subnetwork)/.test(description)) ||
        description === 'k8s-node-route'
      );
    },
  },
  {
    // Cloud Logging creates the `_Default` and `_Required` sinks and buckets in every project.
    name: 'gcp-logging-defaults',
    provider: 'gcp',
    owns: (l) =>
      (l.nativeType === 'logging.googleapis.com/LogSink' ||
        l.nativeType === 'logging.googleapis.com/LogBucket') &&
      ['_Default', '_Required'].includes(lastOf(str(data(l), 'name') ?? l.id)),
  },
  {
    // Cloud Functions gen2 (Run services, Eventarc triggers, source buckets), Composer, Dataproc: labelled by the service.
    name: 'gcp-service-managed',
    provider: 'gcp',
    owns: (l) =>
      Object.keys(labelsOf(l)).some(
        (k) => k === 'goog-managed-by' || k.startsWith('goog-dataproc-') || k.startsWith('goog-composer-'),
      ),
  },
  {
    name: 'gcp-gke-managed',
    provider: 'gcp',
    owns: (l) => {
      if (Object.keys(labelsOf(l)).some((k) => k.startsWith('goog-gke-') || k.startsWith('goog-k8s-')))
        return true;
      const name = str(data(l), 'name') ?? '';
      switch (l.nativeType) {
        case 'compute.googleapis.com/InstanceGroupManager':
        case 'compute.googleapis.com/InstanceGroup':
          return /^gke-.+-grp$/.test(name);
        case 'compute.googleapis.com/Firewall':
          return GKE_FIREWALL.test(name);
        case 'compute.googleapis.com/ForwardingRule':
        case 'compute.googleapis.com/TargetPool':
        case 'compute.googleapis.com/BackendService':
        case 'compute.googleapis.com/HealthCheck':
        case 'compute.googleapis.com/HttpHealthCheck':
        case 'compute.googleapis.com/Disk':
          return K8S_DESCRIPTION.test(str(data(l), 'description') ?? '');
        default:
          return false;
      }
    },
  },
  {
    name: 'gcp-default-enabled-service',
    provider: 'gcp',
    owns: (l) =>
      l.nativeType === 'serviceusage.googleapis.com/Service' &&
      DEFAULT_SERVICES.has(lastOf(str(data(l), 'name') ?? l.id)),
  },
  {
    // Container Analysis and Container Registry create their notification topics when enabled.
    name: 'gcp-service-created-topic',
    provider: 'gcp',
    owns: (l) =>
      l.nativeType === 'pubsub.googleapis.com/Topic' &&
      /^(container-analysis-(notes|occurrences)-v1(beta1)?|gcr)$/.test(lastOf(str(data(l), 'name') ?? l.id)),
  },
  {
    // Buckets Cloud Build, Container Registry, App Engine and Cloud Functions create in the project.
    name: 'gcp-service-created-bucket',
    provider: 'gcp',
    owns: (l) => {
      if (l.nativeType !== 'storage.googleapis.com/Bucket') return false;
      const project = l.scope.startsWith('gcp:') ? l.scope.slice(4) : '';
      const name = str(data(l), 'name') ?? lastOf(l.id);
      return (
        (project !== '' &&
          [`${project}_cloudbuild`, `staging.${project}.appspot.com`, `${project}.appspot.com`].includes(
            name,
          )) ||
        (project !== '' &&
          name.endsWith(`artifacts.${project}.appspot.com`) &&
          /^((eu|us|asia)\.)?artifacts\./.test(name)) ||
        /^gcf-(v2-)?(sources|uploads)-\d+-[a-z0-9-]+$/.test(name)
      );
    },
  },
];
