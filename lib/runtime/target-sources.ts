// Both halves of a target's inputs. Lambdas import the half they need (Finalize reads no inventory).
export { inventoryForShard } from './shard-inventory.ts';
export { loadTargetDesired } from './target-desired.ts';
