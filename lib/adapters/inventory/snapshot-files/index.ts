export {
  type InventoryReadOptions,
  parseInventoryDocument,
  parseInventoryText,
} from './parse-inventory-text.ts';
export { readInventoryFile } from './read-inventory-file.ts';
export { rescopeGcpProjects, SnapshotFileInventory } from './snapshot-file-inventory.ts';
