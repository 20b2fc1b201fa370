import { describe, expect, it } from 'vitest';
import { normalizeIdentity } from '../../../../lib/core/model/identity.ts';
import { computeFirewallMapping as fw } from '../../../../lib/mappings/gcp/compute-firewall.ts';
import { computeNetworkMapping as net } from '../../../../lib/mappings/gcp/compute-network.ts';
import { computeSubnetworkMapping as sub } from '../../../../lib/mappings/gcp/compute-subnetwork.ts';
import { type Asset, diff, fixture, liveOf, stateOf } from './helpers.ts';

describe('google_compute_network', () => {
  const state = () => stateOf('google_compute_network', fixture('compute-network.tfstate.json'));
  const asset = () => fixture<Asset>('compute-network.asset.json');

  it('is clean and matches the Cloud Asset name', () => {
    expect(diff(net, state(), liveOf(asset()))).toEqual([]);
    expect(net.identities(state()).map((i) => normalizeIdentity('gcp', i))).toContain(
      normalizeIdentity('gcp', asset().name),
    );
  });

  it('reports the routing mode switched to GLOBAL', () => {
    const a = asset();
    a.resource.data.routingConfig = { routingMode: 'GLOBAL' };
    expect(diff(net, state(), liveOf(a))).toEqual([
      { path: 'routing_mode', desired: 'REGIONAL', actual: 'GLOBAL' },
    ]);
  });
});

describe('google_compute_subnetwork', () => {
  const state = () => stateOf('google_compute_subnetwork', fixture('compute-subnetwork.tfstate.json'));
  const asset = () => fixture<Asset>('compute-subnetwork.asset.json');

  it('is clean: region URL, network self link, secondary ranges in another order', () => {
    expect(diff(sub, state(), liveOf(asset()))).toEqual([]);
  });

  it('reports private Google access off (the API omits the false flag)', () => {
    const a = asset();
    delete a.resource.data.privateIpGoogleAccess;
    expect(diff(sub, state(), liveOf(a))).toEqual([
      { path: 'private_ip_google_access', desired: true, actual: false },
    ]);
  });
});

describe('google_compute_firewall', () => {
  const state = () => stateOf('google_compute_firewall', fixture('compute-firewall.tfstate.json'));
  const asset = () => fixture<Asset>('compute-firewall.asset.json');

  it('is clean: allow order, IPProtocol vs protocol, ports as strings, logging on', () => {
    expect(diff(fw, state(), liveOf(asset()))).toEqual([]);
  });

  it('reports source_ranges gaining 0.0.0.0/0', () => {
    const a = asset();
    (a.resource.data.sourceRanges as string[]).push('0.0.0.0/0');
    expect(diff(fw, state(), liveOf(a))).toEqual([
      {
        path: 'source_ranges',
        desired: ['198.51.100.0/24', '203.0.113.7/32'],
        actual: ['0.0.0.0/0', '198.51.100.0/24', '203.0.113.7/32'],
      },
    ]);
  });

  it('reports a port added, a protocol given as a number, and logging switched off', () => {
    const a = asset();
    a.resource.data.allowed = [{ IPProtocol: '1' }, { IPProtocol: 'TCP', ports: ['22', '3389'] }];
    a.resource.data.logConfig = { enable: false };
    expect(diff(fw, state(), liveOf(a))).toEqual([
      {
        path: 'allow',
        desired: [{ protocol: 'tcp', ports: ['22'] }, { protocol: 'icmp' }],
        actual: [{ protocol: 'tcp', ports: ['22', '3389'] }, { protocol: 'icmp' }],
      },
      { path: 'log_config.0.metadata', desired: 'INCLUDE_ALL_METADATA', actual: 'disabled' },
    ]);
  });
});
