export { classifyChange, classifyDrift } from './classify.ts';
export { opensAccess } from './opens-access.ts';
export { CLASSIFY_RULES } from './rules.ts';
export type { ChangeInput, Classification, ClassifyRule } from './types.ts';
