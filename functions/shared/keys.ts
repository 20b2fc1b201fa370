/** `manifests/<scanId>/shards.jsonl`: the Distributed Map's ItemReader input. */
export const manifestKey = (scanId: string) => `manifests/${scanId}/shards.jsonl`;

/** `reports/<scanId>/<shardId>.json`: one shard's drift report (sealed values only). */
export const reportKey = (scanId: string, shardId: string) => `reports/${scanId}/${shardId}.json`;

/**
 * `reports/<scanId>/<shardId>.live.jsonl`: ids of the live items the shard saw, one JSON string a
 * line. Finalize needs them to tell how a drift ended (resource deleted, or only fixed).
 */
export const liveIdsKey = (scanId: string, shardId: string) => `reports/${scanId}/${shardId}.live.jsonl`;

/**
 * The scan id one target's scan is recorded under. The store keys scan records by id, so a scan
 * of several targets (`*`) records each as `<scanId>.<target>` and keeps `<scanId>` for the whole.
 */
export function recordScanId(scanId: string, target: string, targets: readonly string[]): string {
  return targets.length === 1 ? scanId : `${scanId}.${target}`;
}

/**
 * `events/<scanId>/<name>.json`: the events a finalize owes, written before they are published
 * and marked once EventBridge took them, so a finalize retried after a crash republishes them.
 */
export const outboxKey = (scanId: string, name: string) => `events/${scanId}/${name}.json`;
