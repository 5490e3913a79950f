import { defineRule } from '../engine/define-rule.js';
import { isObject } from '../k8s/json.js';
import { findCredentialAssignments, type Assignment } from '../secrets/assignments.js';
import { decodeBase64Text } from '../secrets/base64-text.js';
import { isCredentialName, isLocatorName } from '../secrets/credential-names.js';
import { hasUserinfoPassword, isPlaceholderFor } from '../secrets/placeholders.js';

interface Options {
  allowedKeys: string[];
}

/** `app.properties`, `grafana.ini`: the key names a file, so its lines are read instead of its name. */
const FILE_NAME = /\.(?:ya?ml|json|conf|cfg|ini|properties|toml|env|xml|sh|py|txt|tpl|lua|js|rego|hcl|tf)$/i;

type Inspection = { kind: 'key' | 'url' } | { kind: 'lines'; found: Assignment[] };

/** Why a data entry is reported, if it is: the key itself, or `key=value` lines inside its text. */
function inspect(key: string, text: string): Inspection | undefined {
  if (!FILE_NAME.test(key)) {
    if (isLocatorName(key)) {
      if (hasUserinfoPassword(text)) return { kind: 'url' };
    } else if (isCredentialName(key) && !isPlaceholderFor(key, text)) {
      return { kind: 'key' };
    }
  }
  const found = findCredentialAssignments(text);
  return found.length === 0 ? undefined : { kind: 'lines', found };
}

function describeEntries(found: readonly Assignment[]): string {
  const shown = found.slice(0, 3).map((entry) => `"${entry.key}" (line ${entry.line})`);
  const more = found.length > 3 ? ` and ${found.length - 3} more` : '';
  return `${shown.join(', ')}${more}`;
}

export default defineRule<'credentialKey' | 'urlPassword' | 'credentialLines', Options>({
  meta: {
    id: 'secret-in-configmap',
    category: 'security',
    level: 'error',
    securitySeverity: 7.5,
    presets: ['recommended'],
    tags: ['secret'],
    // Decided from key names, not from the value's shape: right most of the time, not always.
    precision: 'medium',
    summary:
      'ConfigMaps must not hold credentials: neither a key that names one (password, token, API key, ...) with a literal value, nor `key=value` / `key: value` lines of that kind inside a config file, in data or base64-decoded binaryData.',
    remediation:
      'Move the credential into a Secret managed outside the repository and mount or reference it from there; keep only non-sensitive settings in the ConfigMap.',
    messages: {
      credentialKey: 'ConfigMap "{{name}}" stores a literal value under the credential-like key "{{key}}" in {{field}}.',
      urlPassword: 'ConfigMap "{{name}}" {{field}} key "{{key}}" holds a URL with a literal password in it.',
      credentialLines: 'ConfigMap "{{name}}" {{field}} key "{{key}}" sets credential-like entries to literal values: {{entries}}.',
    },
    options: {
      type: 'object',
      properties: {
        allowedKeys: {
          type: 'array',
          items: { type: 'string', minLength: 1 },
          uniqueItems: true,
          description: 'ConfigMap data keys (compared case-insensitively) that are never reported, whatever their name or content.',
        },
      },
      additionalProperties: false,
    },
    defaultOptions: { allowedKeys: [] },
  },
  create(context) {
    const allowed = new Set((context.options.allowedKeys ?? []).map((key) => key.toLowerCase()));
    return {
      object(object) {
        if (object.kind !== 'ConfigMap') return;
        const name = object.name ?? '(unnamed)';
        for (const field of ['data', 'binaryData'] as const) {
          const entries = object.value[field];
          if (!isObject(entries)) continue;
          for (const key of Object.keys(entries)) {
            const raw = entries[key];
            if (typeof raw !== 'string' || allowed.has(key.toLowerCase())) continue;
            const text = field === 'binaryData' ? decodeBase64Text(raw) : raw;
            if (text === undefined) continue;
            const found = inspect(key, text);
            if (!found) continue;
            const at = [...object.path, field, key];
            if (found.kind === 'lines' && field === 'data') {
              // A file in `data` is written out in the manifest: each entry is reported on its own line.
              for (const entry of found.found) {
                context.report({ messageId: 'credentialLines', data: { name, key, field, entries: describeEntries([entry]) }, at, line: entry.line });
              }
            } else if (found.kind === 'lines') context.report({ messageId: 'credentialLines', data: { name, key, field, entries: describeEntries(found.found) }, at });
            else context.report({ messageId: found.kind === 'key' ? 'credentialKey' : 'urlPassword', data: { name, key, field }, at });
          }
        }
      },
    };
  },
});
