import type { AttributeChange } from '../model/drift.ts';
import type { LiveResource } from '../model/live-resource.ts';

/**
 * Rule *inline vs standalone*: when a standalone resource (aws_s3_bucket_versioning) and its
 * parent (aws_s3_bucket, whose provider still refreshes `versioning` inline) both describe one
 * live item, the fact is compared once — by the standalone resource.
 */
export class SupersededPaths {
  private readonly byItem = new Map<LiveResource, Map<string, string[]>>();

  add(item: LiveResource, terraformType: string, paths: readonly string[]): void {
    const byType = this.byItem.get(item) ?? new Map<string, string[]>();
    byType.set(terraformType, [...(byType.get(terraformType) ?? []), ...paths]);
    this.byItem.set(item, byType);
  }

  /** The parent's changes minus those under a path a facet of the same live item owns. */
  filter(item: LiveResource, terraformType: string, changes: AttributeChange[]): AttributeChange[] {
    const paths = this.byItem.get(item)?.get(terraformType);
    if (!paths || changes.length === 0) return changes;
    return changes.filter((c) => !paths.some((p) => c.path === p || c.path.startsWith(`${p}.`)));
  }
}
