/** The JSON Schema of `.kmlint.yaml`, built from the rules' own option schemas so the two never drift. */
import type { Rule } from '../engine/define-rule.js';
import { PRESETS } from '../engine/rule-settings.js';

export const CONFIG_LEVELS = ['off', 'note', 'warning', 'error'] as const;
export const FAIL_ON_LEVELS = ['note', 'warning', 'error'] as const;
export const DATE_PATTERN = '^\\d{4}-(0[1-9]|1[0-2])-(0[1-9]|[12]\\d|3[01])$';
export const EXEMPTION_SELECTORS = ['kind', 'namespace', 'name', 'path', 'container'] as const;
export const OVERRIDE_SELECTORS = ['files', 'kinds', 'namespaces'] as const;

/** What a configuration uses: the rule ids it names as keys, and its top-level keys. */
export interface ConfigUse {
  rules: ReadonlySet<string>;
  keys: ReadonlySet<string>;
}

/**
 * The whole schema, or with `used`, one whose rule entries are only the rules named and whose top-level keys
 * have their schemas only when present: the same verdict on a configuration that uses nothing else, at a
 * fraction of the cost of compiling it (the entries of every rule's options, twice, are most of the schema, and
 * the sections most configurations leave out, such as `render`, most of the rest). Every key stays known, so
 * an unknown one still gets its suggestion.
 */
export function buildConfigSchema(rules: readonly Rule[], used?: ConfigUse): Record<string, unknown> {
  const schema = wholeSchema(rules, used?.rules);
  if (used) {
    const properties = schema.properties as Record<string, unknown>;
    for (const key of Object.keys(properties)) if (!used.keys.has(key)) properties[key] = {};
  }
  return schema;
}

function wholeSchema(rules: readonly Rule[], named?: ReadonlySet<string>): Record<string, unknown> {
  const ids = rules.map((rule) => rule.meta.id).sort();
  const ruleEntries: Record<string, unknown> = {};
  for (const id of named ? ids.filter((candidate) => named.has(candidate)) : ids) {
    const rule = rules.find((candidate) => candidate.meta.id === id)!;
    ruleEntries[id] = ruleEntry(rule);
  }
  const selector = { type: 'string', minLength: 1 };
  const globList = { type: 'array', items: selector, minItems: 1 };
  return {
    $schema: 'http://json-schema.org/draft-07/schema#',
    $id: 'https://github.com/kmlint/kmlint/raw/main/schemas/kmlint-config.schema.json',
    title: 'kmlint configuration (.kmlint.yaml, .kmlint.yml, kmlint.config.json)',
    type: 'object',
    additionalProperties: false,
    properties: {
      $schema: { type: 'string' },
      extends: { description: 'Presets whose rules are enabled.', type: 'array', items: { enum: [...PRESETS] }, uniqueItems: true },
      rules: {
        description: 'Per rule: a level (off, note, warning, error), or [level, options].',
        type: 'object',
        properties: ruleEntries,
        additionalProperties: false,
      },
      overrides: {
        description: 'Rule levels and options for matching files, kinds or namespaces; later entries win. All given selectors must match.',
        type: 'array',
        items: {
          type: 'object',
          additionalProperties: false,
          required: ['rules'],
          properties: {
            files: { description: 'Globs of files, relative to this file.', ...globList },
            kinds: { description: 'Globs of object kinds.', ...globList },
            namespaces: { description: 'Globs of namespaces.', ...globList },
            rules: {
              description: 'Per rule: a level (off, note, warning, error), or [level, options] (merged over the options the object has so far).',
              type: 'object',
              propertyNames: { $ref: '#/definitions/ruleId' },
              properties: ruleEntries,
              minProperties: 1,
            },
          },
          anyOf: OVERRIDE_SELECTORS.map((key) => ({ required: [key] })),
        },
      },
      ignore: { description: 'gitignore-style globs, relative to this file, of files never linted.', type: 'array', items: { type: 'string', minLength: 1 } },
      exemptions: {
        description: 'Findings to suppress for matching objects; each needs a reason.',
        type: 'array',
        items: {
          type: 'object',
          additionalProperties: false,
          required: ['reason'],
          properties: {
            rules: { description: 'Rule ids; omit to exempt from every rule.', type: 'array', items: { $ref: '#/definitions/ruleId' }, minItems: 1 },
            kind: { description: 'Glob of the object kind.', ...selector },
            namespace: { description: 'Glob of the namespace.', ...selector },
            name: { description: 'Glob of the object name.', ...selector },
            path: { description: 'Glob of the file (or Helm template), relative to this file.', ...selector },
            container: { description: 'Glob of the container name.', ...selector },
            reason: { description: 'Why the findings are accepted.', type: 'string', minLength: 1 },
            expires: { $ref: '#/definitions/date' },
          },
          anyOf: EXEMPTION_SELECTORS.map((key) => ({ required: [key] })),
        },
      },
      workloads: {
        description: 'Custom resources with a pod template, so every pod rule covers them.',
        type: 'array',
        items: {
          type: 'object',
          additionalProperties: false,
          required: ['kind', 'podSpec'],
          properties: {
            kind: { type: 'string', minLength: 1 },
            group: { description: 'API group; omit to match any group.', type: 'string' },
            podSpec: { description: 'Dotted path of the pod spec, e.g. spec.template.spec; [*] steps into every item of a list, e.g. spec.replicatedJobs[*].template.spec.template.spec.', $ref: '#/definitions/fieldPath' },
            podMetadata: { description: 'Dotted path of the pod metadata; default: the sibling "metadata" of podSpec.', $ref: '#/definitions/fieldPath' },
          },
        },
      },
      render: {
        description: 'Kustomizations and Helm charts rendered before linting; paths relative to this file.',
        type: 'object',
        additionalProperties: false,
        properties: {
          walk: { description: 'Render every kustomization and chart found in a directory walk (as --render).', type: 'boolean' },
          kustomize: { description: 'Kustomization folders, each rendered and linted as one set.', type: 'array', items: { type: 'string', minLength: 1 } },
          helm: {
            description: 'Charts rendered with helm template.',
            type: 'array',
            items: {
              type: 'object',
              additionalProperties: false,
              required: ['chart'],
              properties: {
                chart: { description: 'Chart folder.', type: 'string', minLength: 1 },
                release: { description: 'Release name (default: the chart folder name).', type: 'string', minLength: 1 },
                namespace: { type: 'string', minLength: 1 },
                kubeVersion: { type: 'string', pattern: '^v?\\d+\\.\\d+(\\.\\d+)?$' },
                values: { description: 'Values files for every values set.', type: 'array', items: { type: 'string', minLength: 1 } },
                set: { description: 'key=value, as helm --set.', type: 'array', items: { type: 'string', pattern: '^[^=]+=' } },
                valueSets: {
                  description: 'A matrix: the chart is rendered and linted once per set.',
                  type: 'array',
                  items: {
                    type: 'object',
                    additionalProperties: false,
                    required: ['name'],
                    properties: {
                      name: { type: 'string', minLength: 1 },
                      values: { type: 'array', items: { type: 'string', minLength: 1 } },
                      set: { type: 'array', items: { type: 'string', pattern: '^[^=]+=' } },
                    },
                  },
                },
              },
            },
          },
        },
      },
      failOn: { description: 'Lowest level that fails the run.', enum: [...FAIL_ON_LEVELS] },
      maxWarnings: { description: 'Fail when there are more warnings than this.', type: 'integer', minimum: 0 },
      strict: { description: 'Rules that annotations and comments cannot suppress.', type: 'array', items: { $ref: '#/definitions/ruleId' }, uniqueItems: true },
      requireReason: { description: 'Report suppressions without a reason.', type: 'boolean' },
      baseline: { description: 'Baseline file, relative to this file.', type: 'string', minLength: 1 },
    },
    definitions: {
      level: { enum: [...CONFIG_LEVELS] },
      ruleId: { type: 'string', enum: ids },
      date: { description: 'YYYY-MM-DD; the suppression applies up to and including that day.', type: 'string', pattern: DATE_PATTERN },
      fieldPath: { type: 'string', pattern: '^[A-Za-z0-9_-]+(\\[(\\*|[0-9]+)\\])*(\\.[A-Za-z0-9_-]+(\\[(\\*|[0-9]+)\\])*)*$' },
    },
  };
}

function ruleEntry(rule: Rule): Record<string, unknown> {
  const options = rule.meta.options ?? { type: 'object', additionalProperties: false, maxProperties: 0 };
  return {
    description: rule.meta.summary,
    if: { type: 'string' },
    then: { $ref: '#/definitions/level' },
    else: {
      type: 'array',
      minItems: 1,
      maxItems: 2,
      items: [{ $ref: '#/definitions/level' }, options],
    },
  };
}
