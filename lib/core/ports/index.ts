export type { ApprovalQuery, ApprovalStore } from './approval-store.ts';
export type { DriftQuery, DriftStore, LifecycleWrite, Page, StoreStats } from './drift-store.ts';
export { ConflictError } from './drift-store.ts';
export type { InventorySource } from './inventory-source.ts';
export type { StateSource } from './state-source.ts';
export type { TaskTokenSender } from './task-token-sender.ts';
