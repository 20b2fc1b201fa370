// Writes one JSON Schema per EventBridge detail type into schemas/events/ (for consumers and the
// EventBridge schema registry). `npm run gen:event-schemas`; a unit test fails when they are stale.
import { mkdirSync, writeFileSync } from 'node:fs';
import { eventSchemaFiles } from '../lib/core/events/json-schema.ts';

const dir = new URL('../schemas/events/', import.meta.url);
mkdirSync(dir, { recursive: true });
for (const [name, text] of Object.entries(eventSchemaFiles())) {
  writeFileSync(new URL(name, dir), text);
  console.log(`wrote ${new URL(name, dir).pathname}`);
}
