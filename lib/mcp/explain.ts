import type { DriftRecord, HistoryEvent } from '../core/model/drift-record.ts';

// Why each category matters, in one sentence a reviewer can act on.
const WHY: Record<string, string> = {
  SecurityChange: 'it changes who or what can reach the resource (network rules, IAM, public access).',
  EncryptionChange: 'data at rest may no longer be protected by the intended key or algorithm.',
  SecretChange: 'a secret differs from what the code holds; rotated by hand or leaked and replaced.',
  VersionChange: 'a different image, runtime or engine version runs than the one reviewed and tested.',
  Scaling: 'capacity differs from the declared one: cost, and the next apply will undo it.',
  ResourceChange: 'size or compute class differs: cost and performance no longer match the code.',
  PortChange: 'exposed ports differ from the declared ones.',
  VolumeChange: 'storage attached or mounted differs from the declared one.',
  ConfigMapChange: 'application configuration differs from what is in Git.',
  ConfigurationChange: 'a setting differs from the code; the next apply will revert it.',
  TagChange: 'tags differ: cost allocation and policies keyed on tags may be affected.',
  LabelChange: 'labels differ: selectors, cost allocation or policies may be affected.',
  AnnotationChange: 'annotations differ from the declared ones.',
  Missing: 'a declared resource no longer exists; anything depending on it is broken or degraded.',
  Unmanaged: 'it exists outside any Terraform state or manifest: no review, no owner, no drift detection.',
};

function remedy(d: DriftRecord): string {
  switch (d.kind) {
    case 'missing':
      return `Recreate it with \`terraform apply\` (it will be planned for creation), or remove ${d.address} from the code if it was deleted on purpose.`;
    case 'unmanaged':
      return `Import it into Terraform (\`terraform import\` / an \`import\` block for ${d.type} ${d.resourceId}) or delete it if nobody owns it.`;
    default:
      return `Either revert the live change with \`terraform apply\` (or \`kubectl apply\` for manifests), or update ${d.address ?? d.resourceId} in code to the live value if the change was intended.`;
  }
}

function show(v: unknown): string {
  return typeof v === 'string' ? v : JSON.stringify(v);
}

/** Plain-language explanation of a drift: what changed, why it matters, what to do. */
export function explainDrift(d: DriftRecord, history: readonly HistoryEvent[]): string {
  const lines = [
    `${d.kind.toUpperCase()} ${d.type} ${d.address ?? d.resourceId} (${d.provider}, ${d.scope ?? 'scope unknown'})`,
    `Severity ${d.severity}, category ${d.category}, status ${d.status}${d.flapping ? ' (flapping)' : ''}.`,
  ];
  if (d.changes.length > 0) {
    lines.push('What changed (desired → actual):');
    for (const c of d.changes) lines.push(`  - ${c.path}: ${show(c.desired)} → ${show(c.actual)}`);
  }
  lines.push(`Why it matters: ${WHY[d.category] ?? 'the live resource no longer matches its declaration.'}`);
  lines.push(`Suggested remediation: ${remedy(d)}`);
  lines.push(
    `First detected ${d.firstDetectedAt}, last changed ${d.lastChangedAt}; reopened ${d.reopenCount} time(s); ${history.length} history event(s).`,
  );
  if (d.acknowledgement) {
    lines.push(`Acknowledged by ${d.acknowledgement.by}: ${d.acknowledgement.reason}`);
  }
  return lines.join('\n');
}
