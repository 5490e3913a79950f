import { defineRule } from '../engine/define-rule.js';
import { listAt } from '../k8s/json.js';

// `sudo` as a word of a shell line: `sudo -u x`, `; sudo cmd`, `/usr/bin/sudo`, not `pseudo` or `sudoers`.
const SUDO = /(?:^|[\s;&|(/`])sudo(?=$|[\s;&|)`])/;

export default defineRule({
  meta: {
    id: 'sudo-in-entrypoint',
    category: 'security',
    level: 'warning',
    securitySeverity: 5.0,
    presets: ['recommended'],
    summary: 'Container commands and arguments should not call sudo: the image then carries a way to become root, and the process expects to gain privileges at run time.',
    remediation: 'Run the command as the user it needs from the start (runAsUser) and remove sudo from the image.',
    messages: {
      sudo: 'Container "{{container}}" calls sudo in its {{field}}.',
    },
  },
  create(context) {
    return {
      container(container) {
        for (const field of ['command', 'args']) {
          const index = listAt(container.value, [field]).findIndex((word) => typeof word === 'string' && SUDO.test(word));
          if (index !== -1) context.report({ messageId: 'sudo', data: { container: container.name, field }, at: [...container.path, field, index] });
        }
      },
    };
  },
});
