import type { Template } from 'aws-cdk-lib/assertions';

/**
 * A template with content hashes replaced (asset keys, deployment ids, bundle hashes), so a
 * snapshot changes when the infrastructure does, not when a handler or dashboard file does.
 * After cdklabs/cdk-monitoring-constructs test/setup.
 */
export function scrubbed(template: Template): unknown {
  const text = JSON.stringify(template.toJSON());
  return JSON.parse(text.replace(/[a-f0-9]{32,64}/g, '[HASH REMOVED]'));
}
