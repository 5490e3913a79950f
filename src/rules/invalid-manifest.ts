import { defineRule } from '../engine/define-rule.js';
import type { JsonValue } from '../k8s/model.js';
import { kubernetesSchema } from '../schema/kubernetes.js';
import type { Path } from '../types.js';

/**
 * Helm template text that `helm template` would have replaced: its built-in objects and functions. Plain
 * `{{ $labels.x }}` is left alone, because Prometheus, Alertmanager and Argo use the same braces on purpose.
 */
const HELM_ACTION = /\{\{-?\s*(?:[^}]*?\.(?:Values|Release|Chart|Capabilities|Files|Template)\b|(?:include|tpl|toYaml|required|nindent|indent|quote)\b)/;

/** Values and keys holding a Helm action, in written order; the path is one stack, copied only for what is found. */
function templateText(value: JsonValue, path: Path): { path: Path; text: string }[] {
  const found: { path: Path; text: string }[] = [];
  const trail = [...path];
  const walk = (node: JsonValue): void => {
    if (typeof node === 'string') {
      if (node.includes('{{') && HELM_ACTION.test(node)) found.push({ path: [...trail], text: node });
    } else if (Array.isArray(node)) {
      for (let index = 0; index < node.length; index++) {
        trail.push(index);
        walk(node[index]!);
        trail.pop();
      }
    } else if (node !== null && typeof node === 'object') {
      for (const key of Object.keys(node)) {
        trail.push(key);
        if (key.includes('{{') && HELM_ACTION.test(key)) found.push({ path: [...trail], text: key });
        else walk(node[key]!);
        trail.pop();
      }
    }
  };
  walk(value);
  return found;
}

function excerpt(text: string): string {
  const match = HELM_ACTION.exec(text);
  const start = match?.index ?? 0;
  const end = text.indexOf('}}', start);
  const action = end > start ? text.slice(start, end + 2) : text.slice(start, start + 40);
  return action.length > 60 ? `${action.slice(0, 57)}...` : action;
}

export default defineRule<'unrenderedTemplate' | 'missingName' | 'emptyApiVersion'>({
  meta: {
    id: 'invalid-manifest',
    category: 'schema',
    level: 'error',
    presets: ['recommended'],
    summary:
      'Documents meant to be Kubernetes objects must be complete and rendered: an apiVersion, a metadata.name (or generateName) for built-in kinds, and no Helm template text left unrendered.',
    remediation: 'Lint the output of `helm template` rather than the chart sources, and give every object an apiVersion and a metadata.name.',
    messages: {
      unrenderedTemplate: 'Unrendered Helm template text "{{action}}": lint the output of `helm template` (or `helm template --set …`) instead of the chart source.',
      missingName: '{{kind}} has no metadata.name (nor metadata.generateName).',
      emptyApiVersion: '{{kind}} has an empty apiVersion.',
    },
  },
  create(context) {
    return {
      object(object) {
        for (const found of templateText(object.value, object.path)) {
          context.report({ messageId: 'unrenderedTemplate', data: { action: excerpt(found.text) }, at: found.path });
        }
        if (object.apiVersion === '') {
          context.report({ messageId: 'emptyApiVersion', data: { kind: object.kind }, at: [...object.path, 'apiVersion'] });
          return;
        }
        // Only kinds known to be API objects: configuration files (Kustomization, KubeletConfiguration) have no name.
        const builtIn = kubernetesSchema().kinds[object.apiVersion]?.[object.kind] !== undefined;
        if (!builtIn || object.name !== undefined) return;
        if (typeof object.metadata?.generateName === 'string' && object.metadata.generateName !== '') return;
        const at = object.metadata ? [...object.path, 'metadata', 'name'] : [...object.path, 'metadata'];
        context.report({ messageId: 'missingName', data: { kind: object.kind }, at, missing: true });
      },
    };
  },
});
