export * from './bucket-lifecycle.ts';
export * from './defaults.ts';
export * from './firewall-rules.ts';
export * from './labels.ts';
export * from './scopes.ts';
export * from './self-link.ts';
