import { defineRule } from '../engine/define-rule.js';
import { isNumber, isString, objectItems } from '../k8s/json.js';

/** IANA_SVC_NAME, as the API server validates port names: 1-15 lowercase alphanumerics or '-', a letter, no '--', no '-' at the ends. */
export function portNameProblem(name: string): string | undefined {
  if (name.length > 15) return 'is longer than 15 characters';
  if (!/^[a-z0-9-]+$/.test(name)) return 'may hold only lowercase letters, digits and -';
  if (!/[a-z]/.test(name)) return 'must contain a letter';
  if (name.startsWith('-') || name.endsWith('-') || name.includes('--')) return 'must not start or end with - or hold --';
  return undefined;
}

/**
 * As kube-linter's invalid-target-ports and kube-score's container-ports-check: the API server rejects a
 * container port name that is not an IANA service name, two ports of a container with the same name, a port
 * without containerPort or out of 1-65535, and a Service targetPort that is neither a valid name nor a
 * valid number.
 */
export default defineRule({
  meta: {
    id: 'invalid-port-spec',
    category: 'schema',
    level: 'error',
    presets: ['recommended'],
    kinds: ['services'],
    summary: 'Container ports and Service target ports must be valid: names of at most 15 lowercase letters, digits and -, with a letter; numbers from 1 to 65535; containerPort set; port names unique in a container.',
    remediation: 'Rename the port to a valid IANA service name (e.g. http, metrics), or use a number from 1 to 65535.',
    messages: {
      badName: 'Port name "{{name}}" {{problem}}.',
      badNumber: 'Port {{port}} is outside 1-65535.',
      noContainerPort: 'A port of container "{{container}}" has no containerPort.',
      duplicateName: 'Container "{{container}}" names two ports "{{name}}".',
    },
  },
  create(context) {
    const checkNumber = (value: unknown, at: readonly (string | number)[]) => {
      if (isNumber(value) && (value < 1 || value > 65535 || !Number.isInteger(value))) context.report({ messageId: 'badNumber', data: { port: value }, at });
    };
    return {
      container(container) {
        const names = new Set<string>();
        for (const { value, path } of objectItems(container.value, ['ports'])) {
          const at = [...container.path, ...path];
          if (value.containerPort === undefined) context.report({ messageId: 'noContainerPort', data: { container: container.name }, at: [...at, 'containerPort'], missing: true });
          checkNumber(value.containerPort, [...at, 'containerPort']);
          if (!isString(value.name)) continue;
          const problem = portNameProblem(value.name);
          if (problem) context.report({ messageId: 'badName', data: { name: value.name, problem }, at: [...at, 'name'] });
          if (names.has(value.name)) context.report({ messageId: 'duplicateName', data: { container: container.name, name: value.name }, at: [...at, 'name'] });
          names.add(value.name);
        }
      },
      object(object) {
        for (const { value, path } of objectItems(object.value, ['spec', 'ports'])) {
          const at = [...object.path, ...path, 'targetPort'];
          const target = value.targetPort;
          if (isString(target) && !/^\d+$/.test(target)) {
            const problem = portNameProblem(target);
            if (problem) context.report({ messageId: 'badName', data: { name: target, problem }, at });
          } else checkNumber(isString(target) ? Number(target) : target, at);
        }
      },
    };
  },
});
