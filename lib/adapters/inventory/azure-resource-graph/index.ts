/** Live Azure inventory through Resource Graph (+ ARM re-reads of recent changes). */

export type { AzureOp } from './call-runner.ts';
export { type AzureReadStats, AzureResourceGraphInventory } from './inventory.ts';
export { LISTED_NATIVE_TYPES } from './listed-types.ts';
export type { AzureHttpClients, AzureResourceGraphInventoryOptions } from './options.ts';
