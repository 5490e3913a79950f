import { defineRule } from '../engine/define-rule.js';
import { listAt } from '../k8s/json.js';
import type { ContainerView, JsonValue } from '../k8s/model.js';
import { PROBES } from '../k8s/views/probes.js';
import type { Path } from '../types.js';
import { argvWords, credentialArguments } from '../secrets/credential-arguments.js';
import { isCredentialName, isLocatorName } from '../secrets/credential-names.js';
import { hasUserinfoPassword, isPlaceholderFor } from '../secrets/placeholders.js';

interface Options {
  allowedNames: string[];
}

/** A command line of the container: its lists in order (`command` then `args` run as one), and what to call it. */
interface CommandLine {
  field: string;
  lists: Path[];
}

/** Every command line of a container: its command and args, its lifecycle hooks and exec probes. */
function commandLines(container: ContainerView): CommandLine[] {
  const lines: CommandLine[] = [{ field: 'command line', lists: [['command'], ['args']] }];
  for (const hook of ['postStart', 'preStop']) lines.push({ field: `${hook} hook`, lists: [['lifecycle', hook, 'exec', 'command']] });
  for (const probe of PROBES) lines.push({ field: probe, lists: [[probe, 'exec', 'command']] });
  return lines;
}

/** The items of a command line, each with its path from the document root. */
function itemsOf(container: ContainerView, line: CommandLine): { value: JsonValue; path: Path }[] {
  return line.lists.flatMap((list) => listAt(container.value, list).map((value, index) => ({ value, path: [...container.path, ...list, index] })));
}

export default defineRule<'credentialName' | 'urlPassword' | 'credentialArgument', Options>({
  meta: {
    id: 'secret-in-env-literal',
    category: 'security',
    level: 'error',
    securitySeverity: 8.0,
    presets: ['recommended'],
    tags: ['secret'],
    // Decided from key names, not from the value's shape: right most of the time, not always.
    precision: 'medium',
    summary:
      'Containers must not carry a literal credential: neither an environment variable whose name says it holds one (password, token, secret, API key, ...), nor a command-line option or shell assignment of that kind in command, args, lifecycle hooks or exec probes.',
    remediation:
      'Move the value into a Secret managed outside the repository and reference it with env[].valueFrom.secretKeyRef, or mount it as a file.',
    messages: {
      credentialName: 'Container "{{container}}" sets the credential variable "{{name}}" to a literal value.',
      urlPassword: 'Container "{{container}}" sets "{{name}}" to a URL with a literal password in it.',
      credentialArgument: 'Container "{{container}}" passes a literal credential to "{{name}}" in its {{field}}.',
    },
    options: {
      type: 'object',
      properties: {
        allowedNames: {
          type: 'array',
          items: { type: 'string', minLength: 1 },
          uniqueItems: true,
          description:
            'Variable and option names (compared case-insensitively, without leading dashes) that may hold a literal value even though they look like credentials.',
        },
      },
      additionalProperties: false,
    },
    defaultOptions: { allowedNames: [] },
  },
  create(context) {
    const allowed = new Set((context.options.allowedNames ?? []).map((name) => name.toLowerCase()));
    return {
      container(container) {
        listAt(container.value, ['env']).forEach((item: unknown, index) => {
          if (typeof item !== 'object' || item === null) return;
          const { name, value } = item as { name?: unknown; value?: unknown };
          if (typeof name !== 'string' || typeof value !== 'string' || allowed.has(name.toLowerCase())) return;
          const at = [...container.path, 'env', index, 'value'];
          const data = { container: container.name, name };
          if (isLocatorName(name)) {
            if (hasUserinfoPassword(value)) context.report({ messageId: 'urlPassword', data, at });
          } else if (isCredentialName(name) && !isPlaceholderFor(name, value)) {
            context.report({ messageId: 'credentialName', data, at });
          }
        });
        for (const line of commandLines(container)) {
          const items = itemsOf(container, line);
          if (items.length === 0) continue;
          const words = argvWords(items.map((item) => item.value));
          for (const found of credentialArguments(words.map((word) => word.text))) {
            if (allowed.has(found.option.replace(/^-+/, '').toLowerCase())) continue;
            const word = words[found.word]!;
            const data = { container: container.name, name: found.option, field: line.field };
            context.report({ messageId: 'credentialArgument', data, at: items[word.item]!.path, line: word.line });
          }
        }
      },
    };
  },
});
