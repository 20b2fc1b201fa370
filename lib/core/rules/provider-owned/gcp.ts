import { str } from './read.ts';
import type { ProviderOwnedRule } from './types.ts';

const GOOGLE_MANAGED_SA =
  /@(developer|appspot|cloudservices|cloudbuild|container-engine-robot|compute-system|gcp-sa-[a-z0-9-]+)\.(gserviceaccount|iam\.gserviceaccount)\.com$|@appspot\.gserviceaccount\.com$/;

/** Google-owned objects: managed service accounts, GKE-created machinery. */
export const gcpOwnedRules: readonly ProviderOwnedRule[] = [
  {
    // The project (folder, organization) an inventory lists is the scope itself, like an Azure
    // subscription: not a resource someone forgot to declare.
    name: 'gcp-scope-container',
    provider: 'gcp',
    owns: (l) =>
      l.nativeType === 'cloudresourcemanager.googleapis.com/Project' ||
      l.nativeType === 'cloudresourcemanager.googleapis.com/Folder' ||
      l.nativeType === 'cloudresourcemanager.googleapis.com/Organization' ||
      // The project's billing link is a facet of the project itself.
      l.nativeType === 'cloudbilling.googleapis.com/ProjectBillingInfo',
  },
  {
    name: 'gcp-google-managed-service-account',
    provider: 'gcp',
    owns: (l) =>
      l.nativeType === 'iam.googleapis.com/ServiceAccount' &&
      GOOGLE_MANAGED_SA.test(str(l.attributes, 'email') ?? ''),
  },
  {
    name: 'gcp-default-network-firewall',
    provider: 'gcp',
    owns: (l) =>
      l.nativeType === 'compute.googleapis.com/Firewall' &&
      /^default-allow-(internal|ssh|rdp|icmp)$/.test(str(l.attributes, 'name') ?? ''),
  },
];
