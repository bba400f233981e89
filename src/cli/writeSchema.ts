/**
 * npm run schema            writes scenarios/schema.json from the zod schema
 * npm run schema -- --check exits 1 if scenarios/schema.json is out of date
 *
 * The JSON Schema lets a designer's editor complete and check a scenario while they
 * type (`# yaml-language-server: $schema=./schema.json`); `npm run validate` remains
 * the authority, as some checks (cross-references, duplicates) are beyond JSON Schema.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { z } from 'zod';
import { conditionSchema, decisionSchema, effectSchema, scenarioSchema } from '../scenario/schema.js';

const SCHEMA_FILE = fileURLToPath(new URL('../../scenarios/schema.json', import.meta.url));

function scenarioJsonSchema(): string {
  // Named definitions keep the file readable: effects and conditions appear in many
  // places and would otherwise be inlined at each (and Condition is recursive).
  const names = z.registry<{ id: string }>();
  names.add(effectSchema, { id: 'Effect' });
  names.add(conditionSchema, { id: 'Condition' });
  names.add(decisionSchema, { id: 'Decision' });
  const { $schema, ...rest } = z.toJSONSchema(scenarioSchema, {
    io: 'input',
    metadata: names,
    // A registry of our own replaces the global one that `.describe()` writes to, so carry the descriptions over.
    override: ({ zodSchema, jsonSchema }) => {
      const description = z.globalRegistry.get(zodSchema)?.description;
      if (description) jsonSchema.description = description;
    },
  });
  const document = {
    $schema,
    $id: 'urn:triangles:scenario:format-1',
    title: 'Triangles scenario',
    description:
      'A scenario file for Triangles (scenarios/*.yaml). Generated from src/scenario/schema.ts by `npm run schema`; do not edit by hand.',
    ...rest,
  };
  return `${JSON.stringify(document, null, 2)}\n`;
}

const expected = scenarioJsonSchema();
if (process.argv.includes('--check')) {
  let current = '';
  try {
    current = readFileSync(SCHEMA_FILE, 'utf8');
  } catch {
    // A missing file is simply out of date.
  }
  if (current !== expected) {
    console.error(`${SCHEMA_FILE} is out of date with src/scenario/schema.ts; run npm run schema`);
    process.exit(1);
  }
  console.log(`${SCHEMA_FILE} is up to date`);
} else {
  writeFileSync(SCHEMA_FILE, expected);
  console.log(`wrote ${SCHEMA_FILE}`);
}
