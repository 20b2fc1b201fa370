import type { ResourceMapping } from '../../core/mapping/types.ts';
import { ABSENT, type Absent, type LiveResource } from '../../core/model/live-resource.ts';
import { isPlainObject } from '../../core/model/plain-object.ts';
import type { StateResource } from '../../core/model/state-resource.ts';
import { decodeSecretData } from '../../core/normalize/kubernetes/secret-data.ts';
import { anyCluster, liveObject, metadataMapRule, typedIdentity, withV1 } from './common.ts';
import { secretValuesOpaque } from './secret-marker.ts';

/** Keys the state declares as binary (kept base64 in state); unknown when that map is sealed whole. */
function binaryKeys(res: StateResource): string[] {
  const b = res.attributes.binary_data;
  return isPlainObject(b) && !('$sensitive' in b) ? Object.keys(b) : [];
}

// The token controller fills service-account-token Secrets itself: their data is never declared.
function controllerFilled(live: LiveResource): boolean {
  return live.attributes?.type === 'kubernetes.io/service-account-token';
}

/**
 * Live `data` decoded to text: the provider keeps Secret values decoded in state (and seals them
 * through `sensitive_attributes`), the API returns base64. Decoding happens before the engine
 * seals the live side with the same keyed hash, so equal secrets compare equal unseen.
 */
function liveTextData(live: LiveResource, res: StateResource): unknown | Absent {
  const data = liveObject('data')(live);
  if (data === ABSENT || controllerFilled(live)) return ABSENT;
  const binary = binaryKeys(res);
  const text = decodeSecretData(data);
  if (!isPlainObject(text)) return text;
  return Object.fromEntries(Object.entries(text).filter(([k]) => !binary.includes(k)));
}

function liveBinaryData(live: LiveResource, res: StateResource): unknown | Absent {
  const data = liveObject('data')(live);
  const keys = binaryKeys(res);
  if (data === ABSENT || keys.length === 0 || !isPlainObject(data)) return ABSENT;
  return Object.fromEntries(Object.entries(data).filter(([k]) => keys.includes(k)));
}

/**
 * kubernetes_secret(_v1) ↔ v1 Secret. A changed value is reported as `data.<key>` (or `data` when
 * the state sealed the map whole) with both sides "(sensitive)"; the value never leaves.
 */
export const kubernetesSecret: ResourceMapping = {
  provider: 'kubernetes',
  terraformTypes: withV1('kubernetes_secret'),
  nativeTypes: ['v1/Secret'],
  identities: typedIdentity('v1', 'Secret'),
  scope: anyCluster,
  attributes: [
    metadataMapRule('labels'),
    metadataMapRule('annotations'),
    { path: 'data', actual: liveTextData, normalize: [secretValuesOpaque], compare: 'map' },
    { path: 'binary_data', actual: liveBinaryData, normalize: [secretValuesOpaque], compare: 'map' },
    { path: 'type', actual: liveObject('type') },
    {
      path: 'immutable',
      actual: (live) => (live.attributes === null ? ABSENT : (live.attributes.immutable ?? false)),
    },
  ],
};
