import { defineRule } from '../engine/define-rule.js';
import { isObject, isString, objectItems } from '../k8s/json.js';

/** Environment variables leak into child processes, crash dumps and `/proc/<pid>/environ`; files do not. */
export default defineRule({
  meta: {
    id: 'secret-exposed-via-env',
    category: 'security',
    level: 'note',
    securitySeverity: 3.0,
    presets: ['cis'],
    cis: '5.4.1',
    summary: 'Containers should read Secrets from mounted files rather than environment variables (env[].valueFrom.secretKeyRef, envFrom[].secretRef), which leak into logs, child processes and crash reports.',
    remediation: 'Mount the Secret as a volume and read the value from the file.',
    messages: {
      key: 'Container "{{container}}" reads key "{{key}}" of Secret "{{secret}}" into the environment variable "{{variable}}".',
      all: 'Container "{{container}}" loads every key of Secret "{{secret}}" into environment variables.',
    },
  },
  create(context) {
    return {
      container(container) {
        const name = (value: unknown): string => (isObject(value) && isString(value.name) ? value.name : '(unnamed)');
        for (const env of objectItems(container.value, ['env'])) {
          const ref = isObject(env.value.valueFrom) ? env.value.valueFrom.secretKeyRef : undefined;
          if (!isObject(ref)) continue;
          const key = isString(ref.key) ? ref.key : '(no key)';
          context.report({ messageId: 'key', data: { container: container.name, key, secret: name(ref), variable: name(env.value) }, at: [...container.path, ...env.path, 'valueFrom', 'secretKeyRef'] });
        }
        for (const source of objectItems(container.value, ['envFrom'])) {
          if (!isObject(source.value.secretRef)) continue;
          context.report({ messageId: 'all', data: { container: container.name, secret: name(source.value.secretRef) }, at: [...container.path, ...source.path, 'secretRef'] });
        }
      },
    };
  },
});
