import { defineRule } from '../engine/define-rule.js';
import { matchesKinds, type KindSelector } from '../k8s/kinds.js';

interface Requirement {
  key: string;
  /** A regular expression the value must match (whole value). */
  pattern?: string;
}

interface Options {
  labels: Requirement[];
  annotations: Requirement[];
  /** Require the app.kubernetes.io recommended labels (name, instance, version, component, part-of, managed-by). */
  recommendedLabels: boolean;
  /** Kinds the requirements apply to; default the workloads. */
  kinds: string[];
}

const RECOMMENDED = ['name', 'instance', 'version', 'component', 'part-of', 'managed-by'].map((name) => `app.kubernetes.io/${name}`);

/**
 * Organisational policy, so every requirement is an option (kube-linter's required-label-owner and
 * required-annotation-email, Kubescape C-0076/C-0077): labels and annotations with optional value
 * patterns, and the app.kubernetes.io recommended labels. Nothing is required by default.
 */
export default defineRule<'missingLabel' | 'missingAnnotation' | 'badValue', Options>({
  meta: {
    id: 'missing-required-metadata',
    category: 'best-practice',
    level: 'note',
    presets: [],
    summary:
      'Objects should carry the labels and annotations a team requires (configured, e.g. an owner label or a contact e-mail annotation, or the app.kubernetes.io recommended labels); nothing is required by default.',
    remediation: 'Add the label or annotation to metadata, with a value of the required form.',
    messages: {
      missingLabel: '{{kind}} "{{name}}" has no "{{key}}" label.',
      missingAnnotation: '{{kind}} "{{name}}" has no "{{key}}" annotation.',
      badValue: 'The {{what}} "{{key}}" of {{kind}} "{{name}}" is "{{value}}", which does not match {{pattern}}.',
    },
    options: {
      type: 'object',
      properties: {
        labels: { type: 'array', description: 'Required labels.', items: requirementSchema() },
        annotations: { type: 'array', description: 'Required annotations.', items: requirementSchema() },
        recommendedLabels: { type: 'boolean', description: 'Require the app.kubernetes.io recommended labels.' },
        kinds: { type: 'array', items: { type: 'string' }, description: 'Kinds the requirements apply to: groups (workloads, services…), kinds or group/Kind.' },
      },
      additionalProperties: false,
    },
    defaultOptions: { labels: [], annotations: [], recommendedLabels: false, kinds: ['workloads'] },
  },
  create(context) {
    const { labels, annotations, recommendedLabels, kinds } = context.options;
    const requiredLabels: Requirement[] = [...labels, ...(recommendedLabels ? RECOMMENDED.map((key) => ({ key })) : [])];
    return {
      object(object) {
        if (!matchesKinds(kinds as KindSelector[], object)) return;
        const base = { kind: object.kind, name: object.name ?? '' };
        for (const [what, required, present, messageId] of [
          ['label', requiredLabels, object.labels, 'missingLabel'],
          ['annotation', annotations, object.annotations, 'missingAnnotation'],
        ] as const) {
          const field = what === 'label' ? 'labels' : 'annotations';
          for (const requirement of required) {
            const value = present[requirement.key];
            if (value === undefined) {
              context.report({ messageId, data: { ...base, key: requirement.key }, at: [...object.path, 'metadata', field], missing: true });
            } else if (requirement.pattern !== undefined && !new RegExp(`^(?:${requirement.pattern})$`).test(value)) {
              context.report({ messageId: 'badValue', data: { ...base, what, key: requirement.key, value, pattern: requirement.pattern }, at: [...object.path, 'metadata', field, requirement.key] });
            }
          }
        }
      },
    };
  },
});

function requirementSchema(): Record<string, unknown> {
  return {
    type: 'object',
    properties: {
      key: { type: 'string', description: 'The label or annotation key.' },
      pattern: { type: 'string', description: 'A regular expression the whole value must match.' },
    },
    required: ['key'],
    additionalProperties: false,
  };
}
