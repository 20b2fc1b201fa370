export * from './access-policies.ts';
export * from './arm-id.ts';
export * from './defaults.ts';
export * from './location.ts';
export * from './min-tls-version.ts';
export * from './nsg-rules.ts';
export * from './storage-sku.ts';
