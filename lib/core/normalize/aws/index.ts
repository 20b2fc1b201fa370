export * from './bool-from-enabled.ts';
export * from './cidr.ts';
export * from './iam-policy-document.ts';
export * from './json-document.ts';
export * from './security-group-rules.ts';
export * from './tags-all.ts';
