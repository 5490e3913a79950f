import { defineRule } from '../engine/define-rule.js';
import { entryFor, resourceEntries } from '../k8s/views/encryption-config.js';

interface Options {
  resources: string[];
}

export default defineRule<'identityFirst' | 'notCovered', Options>({
  meta: {
    id: 'encryption-config-weak-provider',
    category: 'security',
    level: 'warning',
    securitySeverity: 6.0,
    presets: ['recommended', 'cis'],
    cis: '1.2.31',
    tags: ['control-plane'],
    kinds: ['apiserver.config.k8s.io/EncryptionConfiguration'],
    summary:
      'An EncryptionConfiguration must encrypt Secrets (and the other resources named sensitive): the first provider of the entry that covers them writes new data, so identity first, or only, stores them in plain text.',
    remediation: 'Put a kms (v2), aesgcm or secretbox provider before identity in the entry for secrets; keep identity last only while existing data is rewritten.',
    messages: {
      identityFirst: 'The first provider for "{{resource}}" is identity: it is stored unencrypted.',
      notCovered: 'No entry covers "{{resource}}": it is stored unencrypted.',
    },
    options: {
      type: 'object',
      properties: {
        resources: {
          type: 'array',
          items: { type: 'string', minLength: 1 },
          description: 'Resources that must be encrypted, as `resource` or `resource.group` (core-group resources have no group): secrets by default.',
        },
      },
      additionalProperties: false,
    },
    defaultOptions: { resources: ['secrets'] },
  },
  create(context) {
    return {
      object(object) {
        const entries = resourceEntries(object);
        for (const resource of context.options.resources ?? ['secrets']) {
          const entry = entryFor(entries, resource);
          if (!entry) context.report({ messageId: 'notCovered', data: { resource }, at: [...object.path, 'resources'], missing: true });
          else if (entry.providers[0]?.type === 'identity' || entry.providers.length === 0) {
            context.report({ messageId: 'identityFirst', data: { resource }, at: entry.providers[0]?.path ?? entry.path });
          }
        }
      },
    };
  },
});
