export type { InventorySource } from './inventory-source.ts';
export type { StateSource } from './state-source.ts';
