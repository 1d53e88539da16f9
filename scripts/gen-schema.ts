/** Writes schemas/blueprint.schema.json from the catalogue: npx tsx scripts/gen-schema.ts */
import { writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { buildBlueprintSchema } from '../src/validate/schema-builder.js';

const target = fileURLToPath(new URL('../schemas/blueprint.schema.json', import.meta.url));
writeFileSync(target, `${JSON.stringify(buildBlueprintSchema(), null, 2)}\n`);
console.log(`wrote ${target}`);
