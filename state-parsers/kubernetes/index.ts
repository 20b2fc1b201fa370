export { isListDocument, notAnObjectReason } from './k8s-object.ts';
export {
  manifestAddress,
  type ParsedManifests,
  type ParseManifestsOptions,
  parseManifests,
  parseManifestsDetailed,
} from './parse-manifests.ts';
export { sealManifest } from './seal.ts';
export type { SkippedDocument } from './yaml-documents.ts';
