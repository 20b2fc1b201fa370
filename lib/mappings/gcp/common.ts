import { getPath } from '../../core/diff/path.ts';
import { liveTags } from '../../core/mapping/accessors.ts';
import type { AttributeRule } from '../../core/mapping/types.ts';
import { ABSENT, type Absent, type LiveResource } from '../../core/model/live-resource.ts';
import type { StateResource } from '../../core/model/state-resource.ts';
import { desiredGcpLabels, liveGcpLabels } from '../../core/normalize/gcp/labels.ts';
import { gcpProjectOf } from '../../core/normalize/gcp/self-link.ts';

/** Reads a path of `resource.data`; ABSENT when the asset was exported without resource data. */
export function data(path: string): (live: LiveResource) => unknown | Absent {
  return (live) => (live.attributes === null ? ABSENT : getPath(live.attributes, path));
}

/** Like `data`, but a field the API leaves out is not compared (computed, version-dependent). */
export function dataOrAbsent(path: string): (live: LiveResource) => unknown | Absent {
  return (live) => {
    const v = data(path)(live);
    return v === undefined || v === null ? ABSENT : v;
  };
}

/** The state attributes that identify a resource (`id`, `self_link`, ...), as present. */
export function attrs(...names: string[]): (res: StateResource) => string[] {
  return (res) =>
    names.flatMap((n) => {
      const v = res.attributes[n];
      return typeof v === 'string' && v ? [v] : [];
    });
}

/** `gcp:<project>` from the `project` attribute, else from the id / self link. */
export function gcpScope(res: StateResource): string | null {
  const a = res.attributes;
  const project =
    (typeof a.project === 'string' && a.project) || gcpProjectOf(a.id) || gcpProjectOf(a.self_link);
  return project ? `gcp:${project}` : null;
}

/**
 * `labels` across provider generations: v5+ `effective_labels` (else v4 `labels`) against the live
 * labels without the `goog-*` system labels the desired side does not set. Labels added outside
 * Terraform are drift, so an empty desired map is still compared.
 */
export const labelsRule: AttributeRule = {
  path: 'labels',
  desired: (res) => desiredGcpLabels(res.attributes),
  actual: (live, res) => {
    const tags = liveTags(live);
    return tags === ABSENT ? ABSENT : liveGcpLabels(tags, desiredGcpLabels(res.attributes));
  },
  compare: 'map',
  skipUnsetDesired: false,
};
