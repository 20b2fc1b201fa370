#!/usr/bin/env node
// Launcher: runs the TypeScript CLI through tsx so `npx driftwatch` works right after `npm ci`,
// with no build step. tsx's ESM loader is registered before the entry is imported.
import { register } from 'tsx/esm/api';

register();
await import('./driftwatch.ts');
