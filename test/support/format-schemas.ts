/**
 * Schemas of the CI report formats, to validate kmlint's output against what the consumers document.
 * XML formats are parsed (fast-xml-parser, after its well-formedness check) and the tree is validated.
 */
import assert from 'node:assert/strict';
import { Ajv } from 'ajv';
import Ajv04Module from 'ajv-draft-04';
import { XMLParser, XMLValidator } from 'fast-xml-parser';

const Ajv04 = Ajv04Module.default;

/**
 * reviewdog's DiagnosticResult, from reviewdog/reviewdog proto/rdf/jsonschema/DiagnosticResult.jsonschema
 * (MIT), generated from proto/rdf/reviewdog.proto. Copied with its ids and constraints; the long
 * descriptions are shortened. Columns are 1-based UTF-8 byte counts; `end` is exclusive.
 */
const RDJSON = {
  $schema: 'http://json-schema.org/draft-04/schema#',
  type: 'object',
  additionalProperties: true,
  properties: {
    diagnostics: {
      type: 'array',
      items: {
        type: 'object',
        additionalProperties: true,
        properties: {
          message: { type: 'string' },
          location: {
            type: 'object',
            additionalProperties: true,
            properties: { path: { type: 'string' }, range: { $ref: 'reviewdog.rdf.Range', type: 'object' } },
          },
          severity: { oneOf: [{ type: 'string' }, { type: 'integer' }] },
          source: { $ref: 'reviewdog.rdf.Source', type: 'object' },
          code: { type: 'object', additionalProperties: true, properties: { value: { type: 'string' }, url: { type: 'string' } } },
          suggestions: { type: 'array', items: { type: 'object', properties: { range: { $ref: 'reviewdog.rdf.Range' }, text: { type: 'string' } } } },
          original_output: { type: 'string' },
        },
      },
    },
    source: { $ref: 'reviewdog.rdf.Source', type: 'object' },
    severity: { oneOf: [{ type: 'string' }, { type: 'integer' }] },
  },
  definitions: {
    'reviewdog.rdf.Position': {
      id: 'reviewdog.rdf.Position',
      type: 'object',
      additionalProperties: true,
      properties: { line: { type: 'integer' }, column: { type: 'integer' } },
    },
    'reviewdog.rdf.Range': {
      id: 'reviewdog.rdf.Range',
      type: 'object',
      additionalProperties: true,
      properties: { start: { $ref: 'reviewdog.rdf.Position', type: 'object' }, end: { $ref: 'reviewdog.rdf.Position', type: 'object' } },
    },
    'reviewdog.rdf.Source': {
      id: 'reviewdog.rdf.Source',
      type: 'object',
      additionalProperties: true,
      properties: { name: { type: 'string' }, url: { type: 'string' } },
    },
  },
};

/** The severities reviewdog's proto defines (enum Severity), which the JSON schema leaves open. */
export const RDJSON_SEVERITIES = ['UNKNOWN_SEVERITY', 'ERROR', 'WARNING', 'INFO'];

/**
 * GitLab Code Quality: no schema is published; these are the documented constraints of
 * https://docs.gitlab.com/ci/testing/code_quality/#code-quality-report-format (required fields,
 * the five severities, `location.lines.begin` or `location.positions.begin.line`).
 */
const GITLAB = {
  type: 'array',
  items: {
    type: 'object',
    required: ['description', 'check_name', 'fingerprint', 'severity', 'location'],
    properties: {
      description: { type: 'string', minLength: 1 },
      check_name: { type: 'string', minLength: 1 },
      fingerprint: { type: 'string', minLength: 1 },
      severity: { enum: ['info', 'minor', 'major', 'critical', 'blocker'] },
      location: {
        type: 'object',
        required: ['path', 'lines'],
        properties: {
          path: { type: 'string', minLength: 1, not: { pattern: '^(/|\\./)' } },
          lines: { type: 'object', required: ['begin'], properties: { begin: { type: 'integer', minimum: 1 }, end: { type: 'integer', minimum: 1 } } },
        },
      },
    },
  },
};

const one = (schema: object) => ({ anyOf: [schema, { type: 'array', items: schema }] });
const attr = { type: 'string' };

/**
 * JUnit XML as Jenkins reads it: the constraints of jenkinsci/junit-plugin
 * src/main/resources/hudson/tasks/junit/xsd/junit-10.xsd (testsuite needs name and tests; testcase needs
 * name; failure carries message and type), on the tree fast-xml-parser builds (attributes as `@_name`).
 */
const JUNIT = {
  type: 'object',
  required: ['testsuites'],
  properties: {
    testsuites: {
      type: 'object',
      properties: {
        testsuite: one({
          type: 'object',
          required: ['@_name', '@_tests'],
          properties: {
            '@_tests': { type: 'string', pattern: '^\\d+$' },
            '@_failures': { type: 'string', pattern: '^\\d+$' },
            '@_errors': { type: 'string', pattern: '^\\d+$' },
            testcase: one({
              type: 'object',
              required: ['@_name', '@_classname'],
              properties: {
                '@_name': attr,
                failure: one({ type: 'object', required: ['@_message', '@_type'], properties: { '@_message': attr, '@_type': attr, '#text': attr } }),
              },
            }),
          },
        }),
      },
    },
  },
};

/** Checkstyle XML, as checkstyle's own XMLLogger writes it (file name; error line, severity, message, source). */
const CHECKSTYLE = {
  type: 'object',
  required: ['checkstyle'],
  properties: {
    checkstyle: {
      type: 'object',
      required: ['@_version'],
      properties: {
        file: one({
          type: 'object',
          required: ['@_name'],
          properties: {
            error: one({
              type: 'object',
              required: ['@_line', '@_severity', '@_message', '@_source'],
              properties: {
                '@_line': { type: 'string', pattern: '^[1-9]\\d*$' },
                '@_column': { type: 'string', pattern: '^[1-9]\\d*$' },
                '@_severity': { enum: ['error', 'warning', 'info', 'ignore'] },
              },
            }),
          },
        }),
      },
    },
  },
};

const ajv = new Ajv({ allErrors: true, strict: false });
const validators = {
  gitlab: ajv.compile(GITLAB),
  junit: ajv.compile(JUNIT),
  checkstyle: ajv.compile(CHECKSTYLE),
  rdjson: new Ajv04({ allErrors: true, strict: false }).compile(RDJSON),
};

export function assertValid(format: keyof typeof validators, value: unknown): void {
  const validate = validators[format];
  assert.ok(validate(value), `${format} output breaks its schema:\n${JSON.stringify(validate.errors?.slice(0, 5), null, 2)}`);
}

/** Well-formed XML (or a failed assertion naming the error), parsed with attributes kept. */
export function parseXml(text: string): Record<string, any> {
  const check = XMLValidator.validate(text);
  assert.equal(check, true, `not well-formed XML: ${JSON.stringify(check)}`);
  return new XMLParser({ ignoreAttributes: false, parseTagValue: false, parseAttributeValue: false }).parse(text) as Record<string, any>;
}
