import { defineRule } from '../engine/define-rule.js';
import { objectItems } from '../k8s/json.js';

/** git-sync runs the program GITSYNC_GIT names in place of git: whoever controls it runs code in the pod. */
export default defineRule({
  meta: {
    id: 'gitsync-command-env',
    category: 'security',
    level: 'warning',
    securitySeverity: 6.0,
    presets: ['recommended'],
    summary: 'Containers should not set GITSYNC_GIT (or GIT_SYNC_GIT), which makes git-sync run any program in place of git.',
    remediation: 'Remove the GITSYNC_GIT variable and use the git binary of the git-sync image.',
    messages: {
      env: 'Container "{{container}}" sets {{variable}}: git-sync will run that program in place of git.',
    },
  },
  create(context) {
    return {
      container(container) {
        for (const env of objectItems(container.value, ['env'])) {
          const variable = env.value.name;
          if (variable === 'GITSYNC_GIT' || variable === 'GIT_SYNC_GIT') {
            context.report({ messageId: 'env', data: { container: container.name, variable }, at: [...container.path, ...env.path, 'name'] });
          }
        }
      },
    };
  },
});
