/** Writes schemas/kmlint-config.schema.json from every rule's option schema (called by scripts/generate.ts). */
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { buildConfigSchema } from '../src/config/schema.js';
import { rules } from '../src/rules/index.js';

export const CONFIG_SCHEMA_FILE = path.join('schemas', 'kmlint-config.schema.json');

export function configSchemaText(): string {
  return `${JSON.stringify(buildConfigSchema(rules), null, 2)}\n`;
}

/** Returns the path written. */
export function generateConfigSchema(root = path.resolve(import.meta.dirname, '..')): string {
  const file = path.join(root, CONFIG_SCHEMA_FILE);
  writeFileSync(file, configSchemaText());
  return file;
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  process.stdout.write(`wrote ${path.relative(process.cwd(), generateConfigSchema())}\n`);
}
