// Writes the JSON Schema of driftwatch.config.yaml for editors (yaml-language-server, VS Code).
// `npm run gen:config-schema`; a unit test fails when the committed file is stale.
import { writeFileSync } from 'node:fs';
import { configJsonSchema } from '../lib/core/config/json-schema.ts';

const out = new URL('../schemas/config/driftwatch.config.schema.json', import.meta.url);
writeFileSync(out, `${JSON.stringify(configJsonSchema(), null, 2)}\n`);
console.log(`wrote ${out.pathname}`);
