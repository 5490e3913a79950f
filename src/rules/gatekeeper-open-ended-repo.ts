import { defineRule } from '../engine/define-rule.js';
import { listAt } from '../k8s/json.js';

/**
 * K8sAllowedRepos matches image references by prefix: `gcr.io/team` also admits `gcr.io/team-evil/x`, and
 * `docker.io` admits `docker.io.attacker.com/x`. Only an entry ending with `/` stops at a path boundary.
 */
export default defineRule({
  meta: {
    id: 'gatekeeper-open-ended-repo',
    category: 'security',
    level: 'note',
    securitySeverity: 5.0,
    presets: [],
    tags: ['policy', 'images'],
    kinds: ['constraints.gatekeeper.sh/K8sAllowedRepos'],
    summary: 'Gatekeeper K8sAllowedRepos entries should end with `/`: the constraint compares by prefix, so an open-ended entry also admits look-alike registries and repositories.',
    remediation: 'End every allowed repository with `/` (for example `gcr.io/team/`).',
    messages: {
      openEnded: 'Allowed repository "{{repo}}" of K8sAllowedRepos "{{name}}" does not end with `/`, so every repository that starts with it is admitted.',
    },
  },
  create(context) {
    return {
      object(object) {
        listAt(object.value, ['spec', 'parameters', 'repos']).forEach((repo, index) => {
          if (typeof repo !== 'string' || repo.endsWith('/')) return;
          context.report({ messageId: 'openEnded', data: { repo, name: object.name ?? '' }, at: [...object.path, 'spec', 'parameters', 'repos', index] });
        });
      },
    };
  },
});
