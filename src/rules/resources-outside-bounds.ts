import { defineRule } from '../engine/define-rule.js';
import { valueAt } from '../k8s/json.js';
import { compareQuantities, parseQuantity } from '../k8s/views/quantity.js';

const RESOURCES = ['cpu', 'memory', 'ephemeral-storage'] as const;
const SECTIONS = ['requests', 'limits'] as const;
type Resource = (typeof RESOURCES)[number];
type Section = (typeof SECTIONS)[number];

interface Bounds {
  min?: string | number;
  max?: string | number;
}
type Options = Partial<Record<Resource, Partial<Record<Section, Bounds>>>>;

/** A bound as the API server writes a quantity: `250m`, `2`, `1.5Gi`, `1e9`. */
const QUANTITY_SCHEMA = {
  type: ['string', 'number'],
  pattern: '^[+-]?(\\d+\\.?\\d*|\\.\\d+)([eE][+-]?\\d+|[KMGTPE]i|[numkMGTPE])?$',
};

const boundsSchema = (resource: Resource, section: Section) => ({
  type: 'object',
  description: `Bounds on resources.${section}.${resource} of each container.`,
  properties: {
    min: { ...QUANTITY_SCHEMA, description: `The smallest ${resource} ${section === 'requests' ? 'request' : 'limit'} accepted (a quantity).` },
    max: { ...QUANTITY_SCHEMA, description: `The largest ${resource} ${section === 'requests' ? 'request' : 'limit'} accepted (a quantity).` },
  },
  additionalProperties: false,
});

const VERB: Readonly<Record<Section, string>> = { requests: 'requests', limits: 'is limited to' };

/**
 * kube-linter's cpu-requirements/memory-requirements templates, Kubescape's C-0004/C-0050 inputs and
 * kubeaudit's limits auditor take such bounds, with no built-in values: sizes are a team's policy, so
 * nothing is bounded until configured. Values are compared exactly (500m equals 0.5, 1Gi exceeds 1G).
 * Init containers count too: the scheduler reserves their requests as well.
 */
export default defineRule<'belowMin' | 'aboveMax', Options>({
  meta: {
    id: 'resources-outside-bounds',
    category: 'efficiency',
    level: 'note',
    presets: [],
    summary:
      'Opt-in: container CPU, memory and ephemeral-storage requests and limits should lie within the bounds the team configures (none by default).',
    remediation: 'Size the request or limit within the configured bounds, or change the bounds if the workload really needs more.',
    messages: {
      belowMin: 'Container "{{container}}" {{verb}} {{value}} {{resource}}, below the minimum of {{bound}}.',
      aboveMax: 'Container "{{container}}" {{verb}} {{value}} {{resource}}, above the maximum of {{bound}}.',
    },
    options: {
      type: 'object',
      properties: Object.fromEntries(
        RESOURCES.map((resource) => [
          resource,
          {
            type: 'object',
            description: `Bounds on ${resource}: requests and limits, each with a min and a max quantity.`,
            properties: Object.fromEntries(SECTIONS.map((section) => [section, boundsSchema(resource, section)])),
            additionalProperties: false,
          },
        ]),
      ),
      additionalProperties: false,
    },
    defaultOptions: {},
  },
  create(context) {
    return {
      container(container) {
        for (const resource of RESOURCES) {
          for (const section of SECTIONS) {
            const bounds = context.options[resource]?.[section];
            if (!bounds) continue;
            const written = valueAt(container.value, ['resources', section, resource]);
            const value = parseQuantity(written);
            if (!value) continue;
            const data = { container: container.name, verb: VERB[section], value: String(written), resource };
            const at = [...container.path, 'resources', section, resource];
            const min = parseQuantity(bounds.min);
            const max = parseQuantity(bounds.max);
            if (min && compareQuantities(value, min) < 0) context.report({ messageId: 'belowMin', data: { ...data, bound: String(bounds.min) }, at });
            else if (max && compareQuantities(value, max) > 0) context.report({ messageId: 'aboveMax', data: { ...data, bound: String(bounds.max) }, at });
          }
        }
      },
    };
  },
});
