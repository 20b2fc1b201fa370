import { isCollection, parseAllDocuments, type Tags, visit } from 'yaml';
import { ManifestParseError } from '../../lib/core/model/errors.ts';

/** Why a document of a manifest file was not turned into a resource. */
export interface SkippedDocument {
  /** 0-based position of the document in the file. */
  document: number;
  reason: string;
}

export interface ParsedDocument {
  document: number;
  value: unknown;
}

// Kubernetes reads YAML with go-yaml (YAML 1.1: `yes` is true, `0644` is octal 420) but keeps
// timestamps as strings and knows no sexagesimal `1:30`, so those two 1.1 tags are dropped.
const OPTIONS = {
  version: '1.1' as const,
  uniqueKeys: false,
  logLevel: 'error' as const,
  customTags: (tags: Tags) =>
    tags.filter(
      (t) => !(typeof t === 'object' && (t.tag === 'tag:yaml.org,2002:timestamp' || t.format === 'TIME')),
    ),
};

const TEMPLATE = /\{\{.*?\}\}/s;
const LOOKS_LIKE_K8S = /^\s*["']?apiVersion["']?\s*:/m;
const HAS_KIND = /^\s*["']?kind["']?\s*:/m;

function asJson(text: string): unknown {
  const t = text.trimStart();
  if (!t.startsWith('{') && !t.startsWith('[')) return undefined;
  try {
    return JSON.parse(t);
  } catch {
    return undefined;
  }
}

/** True when a parsed document has a map key that is itself a collection: `{{ x }}` read as YAML. */
function hasCollectionKey(doc: ReturnType<typeof parseAllDocuments>[number]): boolean {
  let found = false;
  visit(doc, {
    Pair(_, pair) {
      if (isCollection(pair.key)) {
        found = true;
        return visit.BREAK;
      }
      return undefined;
    },
  });
  return found;
}

/**
 * Splits a file into YAML (or JSON) documents. Go/Helm templates are skipped; a broken document
 * that looks like a Kubernetes object (apiVersion and kind) is an error naming the file.
 */
export function readDocuments(
  text: string,
  path: string,
): { documents: ParsedDocument[]; skipped: SkippedDocument[] } {
  const documents: ParsedDocument[] = [];
  const skipped: SkippedDocument[] = [];
  // Fast paths: most files of a checkout are not manifests (package-lock.json, workflows), and
  // JSON manifests need no YAML parser.
  if (!text.includes('apiVersion') || !text.includes('kind')) {
    if (text.trim() !== '')
      skipped.push({ document: 0, reason: 'no apiVersion/kind: not a Kubernetes object' });
    return { documents, skipped };
  }
  const json = asJson(text);
  if (json !== undefined) return { documents: [{ document: 0, value: json }], skipped };
  let parsed: ReturnType<typeof parseAllDocuments>;
  try {
    const all = parseAllDocuments(text, OPTIONS);
    parsed = Array.isArray(all) ? all : [];
  } catch (err) {
    // The parser reports problems per document; a throw here is a bug-level oddity of the input.
    if (!(LOOKS_LIKE_K8S.test(text) && HAS_KIND.test(text))) {
      return { documents, skipped: [{ document: 0, reason: 'not valid YAML' }] };
    }
    throw new ManifestParseError(`invalid YAML (${(err as Error).message.split('\n')[0]})`, path);
  }
  for (const [i, doc] of parsed.entries()) {
    const source = doc.range ? text.slice(doc.range[0], doc.range[2]) : text;
    const templated = TEMPLATE.test(source);
    if (doc.errors.length > 0 || (templated && hasCollectionKey(doc))) {
      if (templated) {
        skipped.push({ document: i, reason: 'template ({{ }}) is not plain YAML' });
      } else if (LOOKS_LIKE_K8S.test(source) && HAS_KIND.test(source)) {
        const first = doc.errors[0]?.message.split('\n')[0] ?? 'invalid YAML';
        throw new ManifestParseError(`invalid YAML in document ${i + 1}: ${first}`, path);
      } else {
        skipped.push({ document: i, reason: 'not valid YAML' });
      }
      continue;
    }
    try {
      documents.push({ document: i, value: doc.toJS({ maxAliasCount: 1000 }) });
    } catch (err) {
      skipped.push({ document: i, reason: `unreadable YAML (${(err as Error).message.split('\n')[0]})` });
    }
  }
  return { documents, skipped };
}
