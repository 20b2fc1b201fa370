import type { MappingRegistry } from '../mapping/registry.ts';
import type { InventorySnapshot } from '../model/coverage.ts';
import type { AttributeChange, Drift, DriftKind, Severity } from '../model/drift.ts';
import type { Provider } from '../model/provider.ts';
import type { SensitiveHasher } from '../model/sensitive.ts';
import type { StateResource } from '../model/state-resource.ts';

/** Decides category and severity of a drift (lib/core/classify implements it). */
export type Classifier = (d: {
  provider: Provider;
  type: string;
  kind: DriftKind;
  changes: readonly AttributeChange[];
}) => { category: string; severity: Severity };

/** Suppresses drifts or single attribute changes (lib/core/ignore implements it). */
export interface IgnorePolicy {
  /** `terraformTypes` lets a rule on `aws_s3_bucket.*` also cover an unmanaged AWS::S3::Bucket. */
  isIgnored(d: Pick<Drift, 'type' | 'id' | 'address'>, terraformTypes?: readonly string[]): boolean;
  filterChanges(d: Pick<Drift, 'type' | 'id' | 'address'>, changes: AttributeChange[]): AttributeChange[];
}

export interface ScanInput {
  /** Desired resources from every state and manifest source. */
  states: readonly StateResource[];
  inventory: InventorySnapshot;
  registry: MappingRegistry;
  hasher: SensitiveHasher;
  classify: Classifier;
  ignore?: IgnorePolicy;
  /** Called now and then with resources processed so far (progress on a terminal). */
  onProgress?: (done: number, total: number) => void;
  now?: () => Date;
}
