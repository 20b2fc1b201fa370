export {
  type InventoryReadOptions,
  parseInventoryDocument,
  parseInventoryText,
} from '../../shared/inventory-formats/index.ts';
export { readInventoryFile } from './read-inventory-file.ts';
export { rescopeGcpProjects, SnapshotFileInventory } from './snapshot-file-inventory.ts';
