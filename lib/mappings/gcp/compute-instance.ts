import { getPath, isPlainObject } from '../../core/diff/path.ts';
import { firstBlock } from '../../core/mapping/accessors.ts';
import type { AttributeRule, ResourceMapping } from '../../core/mapping/types.ts';
import { ABSENT } from '../../core/model/live-resource.ts';
import type { StateResource } from '../../core/model/state-resource.ts';
import { absentAsFalse, upperCase } from '../../core/normalize/gcp/defaults.ts';
import { metadataItemsToMap } from '../../core/normalize/gcp/labels.ts';
import { serviceAccountScopes } from '../../core/normalize/gcp/scopes.ts';
import { gcpRelativeName, gcpShortName } from '../../core/normalize/gcp/self-link.ts';
import { attrs, data, dataOrAbsent, gcpScope, labelsRule } from './common.ts';

function identities(res: StateResource): string[] {
  const out = attrs('id', 'self_link')(res);
  const { project, zone, name } = res.attributes;
  // Provider v3 ids were the bare name; rebuild the relative name from its parts.
  if (typeof project === 'string' && typeof zone === 'string' && typeof name === 'string')
    out.push(`projects/${project}/zones/${zone}/instances/${name}`);
  return out;
}

// The boot disk and attached disks are separate Disk assets owned by this instance.
function diskSources(res: StateResource): string[] {
  const disks = [firstBlock(res.attributes.boot_disk), ...asList(res.attributes.attached_disk)];
  return disks.flatMap((d) =>
    isPlainObject(d) && typeof d.source === 'string' && d.source ? [d.source] : [],
  );
}

const asList = (v: unknown): unknown[] => (Array.isArray(v) ? v : []);

const bootDisk =
  (key: string): AttributeRule['actual'] =>
  (live) => {
    const disks = data('disks')(live);
    if (disks === ABSENT) return ABSENT;
    const boot = asList(disks).find((d) => isPlainObject(d) && d.boot === true);
    return boot === undefined ? null : getPath(boot, key);
  };

// Network interfaces in one comparable shape, in NIC order (nic0 is the primary). The number of
// access configs (external IPs) counts; an ephemeral nat_ip changes on every stop/start, so not it.
const nicsDesired: AttributeRule['desired'] = (res) =>
  asList(res.attributes.network_interface).map((n) => ({
    network: getPath(n, 'network'),
    subnetwork: getPath(n, 'subnetwork'),
    network_ip: getPath(n, 'network_ip'),
    access_config: asList(getPath(n, 'access_config')).map((a) => ({
      network_tier: getPath(a, 'network_tier'),
    })),
  }));

const nicsActual: AttributeRule['actual'] = (live) => {
  const nics = data('networkInterfaces')(live);
  if (nics === ABSENT) return ABSENT;
  return asList(nics).map((n) => ({
    network: getPath(n, 'network'),
    subnetwork: getPath(n, 'subnetwork'),
    network_ip: getPath(n, 'networkIP'),
    access_config: asList(getPath(n, 'accessConfigs')).map((a) => ({
      network_tier: getPath(a, 'networkTier'),
    })),
  }));
};

const relativeRefs = {
  name: 'nic-references',
  apply: (v: unknown) =>
    Array.isArray(v)
      ? v.map((n) =>
          isPlainObject(n)
            ? {
                ...n,
                network: gcpRelativeName.apply(n.network),
                subnetwork: gcpRelativeName.apply(n.subnetwork),
              }
            : n,
        )
      : v,
};

// `startup-script` lives in `metadata_startup_script` when the config uses that attribute.
const metadataActual: AttributeRule['actual'] = (live, res) => {
  const md = data('metadata')(live);
  if (md === ABSENT) return ABSENT;
  const map = metadataItemsToMap(md) ?? {};
  if (res.attributes.metadata_startup_script) delete map['startup-script'];
  return map;
};

const metadataStartupScript: AttributeRule['actual'] = (live) => {
  const md = data('metadata')(live);
  return md === ABSENT ? ABSENT : (metadataItemsToMap(md)?.['startup-script'] ?? null);
};

/** google_compute_instance ↔ `compute.googleapis.com/Instance`. */
export const computeInstanceMapping: ResourceMapping = {
  provider: 'gcp',
  terraformTypes: ['google_compute_instance'],
  nativeTypes: ['compute.googleapis.com/Instance'],
  identities,
  scope: gcpScope,
  children: diskSources,
  attributes: [
    labelsRule,
    { path: 'machine_type', actual: data('machineType'), normalize: [gcpShortName] },
    { path: 'zone', actual: data('zone'), normalize: [gcpShortName] },
    { path: 'desired_status', actual: data('status'), normalize: [upperCase] },
    { path: 'deletion_protection', actual: data('deletionProtection'), normalize: [absentAsFalse] },
    { path: 'can_ip_forward', actual: data('canIpForward'), normalize: [absentAsFalse] },
    { path: 'tags', actual: data('tags.items'), compare: 'set', skipUnsetDesired: false },
    { path: 'metadata', actual: metadataActual, compare: 'map', skipUnsetDesired: false },
    { path: 'metadata_startup_script', actual: metadataStartupScript },
    { path: 'boot_disk.0.source', actual: bootDisk('source'), normalize: [gcpRelativeName] },
    { path: 'boot_disk.0.auto_delete', actual: bootDisk('autoDelete'), normalize: [absentAsFalse] },
    { path: 'network_interface', desired: nicsDesired, actual: nicsActual, normalize: [relativeRefs] },
    { path: 'service_account.0.email', actual: data('serviceAccounts.0.email') },
    {
      path: 'service_account.0.scopes',
      actual: data('serviceAccounts.0.scopes'),
      normalize: [serviceAccountScopes],
      compare: 'set',
    },
    { path: 'scheduling.0.preemptible', actual: data('scheduling.preemptible'), normalize: [absentAsFalse] },
    { path: 'scheduling.0.automatic_restart', actual: dataOrAbsent('scheduling.automaticRestart') },
    { path: 'scheduling.0.on_host_maintenance', actual: dataOrAbsent('scheduling.onHostMaintenance') },
    { path: 'scheduling.0.provisioning_model', actual: dataOrAbsent('scheduling.provisioningModel') },
    {
      path: 'shielded_instance_config.0.enable_secure_boot',
      actual: data('shieldedInstanceConfig.enableSecureBoot'),
      normalize: [absentAsFalse],
    },
  ],
};
