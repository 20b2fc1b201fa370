import type { InventorySnapshot } from '../model/coverage.ts';

/** Anything that can list live resources: an export file, AWS Config, Resource Graph, ... */
export interface InventorySource {
  /** Human name for messages (`aws-config:123456789012`, a file path). */
  readonly name: string;
  read(): Promise<InventorySnapshot>;
}
