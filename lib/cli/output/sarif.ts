import { createHash } from 'node:crypto';
import type { Drift, DriftReport, Severity } from '../../core/model/index.ts';
import { CATEGORY_INFO } from './categories.ts';
import { driftName } from './report-view.ts';
import { displayPair, safeText } from './safe-value.ts';

export const SARIF_SCHEMA = 'https://json.schemastore.org/sarif-2.1.0.json';
export const DRIFTWATCH_URI = 'https://github.com/driftwatch/driftwatch';
const MAX_VALUE = 200;
const MAX_CHANGES_IN_MESSAGE = 10;

type Level = 'error' | 'warning' | 'note';
const LEVEL: Record<Severity, Level> = { critical: 'error', high: 'error', medium: 'warning', low: 'note' };
// GitHub code scanning ranks security alerts by this CVSS-like score.
const SECURITY_SEVERITY: Record<Severity, string> = {
  critical: '9.5',
  high: '7.5',
  medium: '5.0',
  low: '2.0',
};

/** Stable across runs: the same drift (kind, type, id, changed paths) keeps its alert. */
export function driftFingerprint(d: Drift): string {
  const paths = d.changes.map((c) => c.path).sort();
  const key = JSON.stringify([d.kind, d.type, d.id, paths]);
  return createHash('sha256').update(key).digest('hex').slice(0, 32);
}

/** A manifest-managed drift names its file before `#`; Terraform addresses name no file. */
function sourceFile(d: Drift & { source?: unknown }): string | null {
  if (typeof d.source === 'string' && d.source) return d.source;
  const hash = d.address?.indexOf('#') ?? -1;
  return hash > 0 ? d.address!.slice(0, hash) : null;
}

function message(d: Drift): string {
  const name = safeText(driftName(d));
  const head =
    d.kind === 'missing'
      ? `${d.type} ${name} is declared but no longer exists live.`
      : d.kind === 'unmanaged'
        ? `${d.type} ${name} exists live but is not managed by any state or manifest.`
        : `${d.type} ${name} has drifted (${d.changes.length} change${d.changes.length === 1 ? '' : 's'}).`;
  const lines = d.changes.slice(0, MAX_CHANGES_IN_MESSAGE).map((c) => {
    const [desired, actual] = displayPair(c, MAX_VALUE);
    return `${safeText(c.path)}: ${desired} → ${actual}`;
  });
  const more =
    d.changes.length > MAX_CHANGES_IN_MESSAGE ? [`… ${d.changes.length - MAX_CHANGES_IN_MESSAGE} more`] : [];
  return [head, ...lines, ...more, `Severity: ${d.severity}. Category: ${d.category}.`].join('\n');
}

function rule(id: string, severity: Severity) {
  const info = CATEGORY_INFO[id];
  const security = id === 'SecurityChange' || id === 'EncryptionChange' || id === 'SecretChange';
  return {
    id,
    name: id,
    shortDescription: { text: info ? `${id}: ${info.description}` : `${id} drift` },
    fullDescription: { text: info?.description ?? `Drift classified as ${id}.` },
    helpUri: `${DRIFTWATCH_URI}#classification`,
    defaultConfiguration: { level: LEVEL[info?.severity ?? severity] },
    properties: {
      tags: security ? ['drift', 'security'] : ['drift'],
      ...(security ? { 'security-severity': SECURITY_SEVERITY[info?.severity ?? severity] } : {}),
    },
  };
}

/**
 * SARIF 2.1.0 log for code-scanning upload: one rule per category, one result per drift.
 * `fallbackUri` (e.g. the state file) is the physical location of drifts that name no file of their
 * own: GitHub code scanning only shows results with a physical location.
 */
export function renderSarif(report: DriftReport, fallbackUri?: string): string {
  const ids = [...Object.keys(CATEGORY_INFO)];
  for (const d of report.drifts) if (!ids.includes(d.category)) ids.push(d.category);
  const rules = ids.map((id) => rule(id, report.drifts.find((d) => d.category === id)?.severity ?? 'medium'));
  const results = report.drifts.map((d) => {
    const file = sourceFile(d) ?? fallbackUri ?? null;
    const logical = { name: safeText(driftName(d)), fullyQualifiedName: safeText(d.id), kind: 'resource' };
    return {
      ruleId: d.category,
      ruleIndex: ids.indexOf(d.category),
      level: LEVEL[d.severity],
      message: { text: message(d) },
      locations: [
        file
          ? { physicalLocation: { artifactLocation: { uri: encodeURI(file) } }, logicalLocations: [logical] }
          : { logicalLocations: [logical] },
      ],
      partialFingerprints: { 'driftwatch/v1': driftFingerprint(d) },
      properties: {
        kind: d.kind,
        provider: d.provider,
        type: d.type,
        address: d.address,
        id: safeText(d.id),
        severity: d.severity,
        category: d.category,
      },
    };
  });
  const log = {
    $schema: SARIF_SCHEMA,
    version: '2.1.0',
    runs: [
      {
        tool: {
          driver: { name: 'driftwatch', informationUri: DRIFTWATCH_URI, semanticVersion: '0.1.0', rules },
        },
        results,
        properties: { summary: report.summary, generatedAt: report.generatedAt },
      },
    ],
  };
  return `${JSON.stringify(log, null, 2)}\n`;
}
