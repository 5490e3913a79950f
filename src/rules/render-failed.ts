import { defineRule } from '../engine/define-rule.js';

/** Reported by the render stage: the rule carries the metadata, the renderer's failure is the message. */
export default defineRule({
  meta: {
    id: 'render-failed',
    category: 'schema',
    level: 'error',
    presets: ['recommended', 'pss-baseline', 'pss-restricted'],
    summary: 'A kustomization or Helm chart could not be rendered, so none of its objects were linted.',
    remediation: 'Fix what the renderer reports (run `kubectl kustomize DIR` or `helm template` to see it); the rest of the run is still linted.',
    messages: { failed: '{{tool}} failed: {{message}}' },
  },
  create: () => ({}),
});
