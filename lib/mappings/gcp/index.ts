import type { ResourceMapping } from '../../core/mapping/types.ts';
import { computeFirewallMapping } from './compute-firewall.ts';
import { computeInstanceMapping } from './compute-instance.ts';
import { computeNetworkMapping } from './compute-network.ts';
import { computeSubnetworkMapping } from './compute-subnetwork.ts';
import { projectIamMapping } from './project-iam.ts';
import { pubsubTopicMapping } from './pubsub-topic.ts';
import { serviceAccountMapping } from './service-account.ts';
import { storageBucketMapping } from './storage-bucket.ts';

/** Hand-written google provider mappings. */
export const gcpMappings: readonly ResourceMapping[] = [
  storageBucketMapping,
  computeInstanceMapping,
  computeNetworkMapping,
  computeSubnetworkMapping,
  computeFirewallMapping,
  serviceAccountMapping,
  pubsubTopicMapping,
  projectIamMapping,
];
