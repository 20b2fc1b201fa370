export * from './accessors.ts';
export * from './registry.ts';
export * from './types.ts';
