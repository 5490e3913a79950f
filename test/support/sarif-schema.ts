/** Validates SARIF against the OASIS 2.1.0 schema (draft-04), the stricter copy GitHub's own derives from. */
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import Ajv04Module from 'ajv-draft-04';
import addFormatsModule from 'ajv-formats';
import { sharedPath } from './shared.js';

// Both packages are CommonJS with a `default` export: under ESM the class sits on `.default`.
const Ajv04 = Ajv04Module.default;
const addFormats = addFormatsModule.default;

let validate: ReturnType<InstanceType<typeof Ajv04>['compile']> | undefined;

export function assertValidSarif(log: unknown): void {
  if (!validate) {
    const schema = JSON.parse(readFileSync(sharedPath('schemas', 'sarif', 'sarif-schema-2.1.0.json'), 'utf8')) as object;
    const ajv = new Ajv04({ strict: false, allErrors: true });
    addFormats(ajv);
    validate = ajv.compile(schema);
  }
  const valid = validate(log);
  assert.ok(valid, `SARIF is not valid against the 2.1.0 schema:\n${JSON.stringify(validate.errors?.slice(0, 10), null, 2)}`);
}
