import { firstBlock } from '../../core/mapping/accessors.ts';
import type { AttributeRule, ResourceMapping } from '../../core/mapping/types.ts';
import { ABSENT } from '../../core/model/live-resource.ts';
import { absentAsFalse, upperCase } from '../../core/normalize/gcp/defaults.ts';
import { firewallEntrySet } from '../../core/normalize/gcp/firewall-rules.ts';
import { gcpRelativeName } from '../../core/normalize/gcp/self-link.ts';
import { attrs, data, gcpScope } from './common.ts';

// Every list is compared even when the state's is empty: a range or tag added live is drift.
const set = (path: string, api: string): AttributeRule => ({
  path,
  actual: data(api),
  compare: 'set',
  skipUnsetDesired: false,
});

const entries = (path: string, api: string): AttributeRule => ({
  path,
  actual: data(api),
  normalize: [firewallEntrySet],
  compare: 'set',
  skipUnsetDesired: false,
});

// Logging on/off with its metadata level; `disabled` when there is no log_config / enable=false.
const logActual: AttributeRule['actual'] = (live) => {
  const cfg = data('logConfig')(live);
  if (cfg === ABSENT) return ABSENT;
  const c = firstBlock(cfg);
  return c?.enable === true ? (c.metadata ?? 'INCLUDE_ALL_METADATA') : 'disabled';
};

/** google_compute_firewall ↔ `compute.googleapis.com/Firewall`. */
export const computeFirewallMapping: ResourceMapping = {
  provider: 'gcp',
  terraformTypes: ['google_compute_firewall'],
  nativeTypes: ['compute.googleapis.com/Firewall'],
  identities: attrs('id', 'self_link'),
  scope: gcpScope,
  attributes: [
    { path: 'network', actual: data('network'), normalize: [gcpRelativeName] },
    { path: 'direction', actual: data('direction'), normalize: [upperCase] },
    { path: 'priority', actual: data('priority') },
    { path: 'disabled', actual: data('disabled'), normalize: [absentAsFalse] },
    entries('allow', 'allowed'),
    entries('deny', 'denied'),
    set('source_ranges', 'sourceRanges'),
    set('destination_ranges', 'destinationRanges'),
    set('source_tags', 'sourceTags'),
    set('target_tags', 'targetTags'),
    set('source_service_accounts', 'sourceServiceAccounts'),
    set('target_service_accounts', 'targetServiceAccounts'),
    {
      path: 'log_config.0.metadata',
      desired: (res) => firstBlock(res.attributes.log_config)?.metadata ?? 'disabled',
      actual: logActual,
    },
  ],
};
