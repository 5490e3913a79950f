import { defineRule } from '../engine/define-rule.js';
import { isObject, stringEntries } from '../k8s/json.js';
import type { K8sObject } from '../k8s/model.js';
import type { PathSegment } from '../types.js';
import {
  CREDENTIAL_NAME_DETECTOR,
  LAST_APPLIED,
  credentialFields,
  holdsEncryptedSecrets,
  isCustomResourceGroup,
  isLiteralCredentialField,
  parseEmbeddedObject,
} from '../secrets/credential-fields.js';
import { formatKeyPath, scanStrings, type CredentialHit } from '../secrets/scan-strings.js';
import { DETECTOR_IDS } from '../secrets/value-detectors.js';

interface Options {
  disabledDetectors: string[];
}

/** Names what was found and where; the value itself never enters the message. */
function describe(hit: CredentialHit): Record<string, string> {
  const titles = hit.detectors.map((detector) => detector.title);
  const detector = titles.length > 1 ? `${titles.slice(0, -1).join(', ')} and ${titles.at(-1)!}` : titles[0]!;
  // `env[2].value` says little; the variable's name beside it says what leaked.
  const named = hit.path.at(-1) === 'value' && hit.keyName !== undefined && hit.keyName !== 'value' ? ` (${JSON.stringify(hit.keyName)})` : '';
  const inner = (hit.inner ?? []).slice(0, 3).map(formatKeyPath).join(', ');
  const more = (hit.inner?.length ?? 0) > 3 ? ` and ${hit.inner!.length - 3} more` : '';
  return { detector, location: `${formatKeyPath(hit.path)}${named}`, inner: `${inner}${more}` };
}

/** Up to three inner paths, then a count. */
function listPaths(paths: readonly (readonly PathSegment[])[]): string {
  const more = paths.length > 3 ? ` and ${paths.length - 3} more` : '';
  return `${paths.slice(0, 3).map(formatKeyPath).join(', ')}${more}`;
}

type FieldReport = (messageId: 'credentialField' | 'credentialFieldEmbedded', at: readonly PathSegment[], data: Record<string, string>) => void;

/** Credential-named keys with literal values: in annotations, in last-applied JSON, in custom resources' bodies. */
function reportCredentialFields(object: K8sObject, report: FieldReport): void {
  if (holdsEncryptedSecrets(object.group, object.value)) return;
  const metadata = object.value.metadata;
  const annotations = isObject(metadata) ? metadata.annotations : undefined;
  for (const [key, text] of Object.entries(stringEntries(annotations))) {
    const at = ['metadata', 'annotations', key];
    if (key === LAST_APPLIED) {
      const embedded = parseEmbeddedObject(text);
      if (!isObject(embedded) || holdsEncryptedSecrets(object.group, embedded)) continue;
      const inner: PathSegment[][] = [];
      for (const [field, value] of Object.entries(embedded)) {
        // An embedded Secret's values are plaintext-secret-object's; anything else of any kind is read here.
        if (embedded.kind === 'Secret' && (field === 'data' || field === 'stringData')) continue;
        credentialFields(value, (path) => inner.push([field, ...path]), false);
      }
      if (inner.length > 0) report('credentialFieldEmbedded', at, { location: formatKeyPath(at), inner: listPaths(inner) });
    } else if (isLiteralCredentialField(key.slice(key.lastIndexOf('/') + 1), text)) {
      report('credentialField', at, { location: formatKeyPath(at) });
    }
  }
  if (!isCustomResourceGroup(object.group)) return;
  for (const [key, value] of Object.entries(object.value)) {
    if (key === 'apiVersion' || key === 'kind' || key === 'metadata') continue;
    credentialFields(value, (path) => {
      const at = [key, ...path];
      report('credentialField', at, { location: formatKeyPath(at) });
    });
  }
}

export default defineRule<'found' | 'foundDecoded' | 'foundEmbedded' | 'credentialField' | 'credentialFieldEmbedded', Options>({
  meta: {
    id: 'hardcoded-credential-pattern',
    category: 'security',
    level: 'error',
    securitySeverity: 8.5,
    presets: ['recommended'],
    tags: ['secret'],
    summary:
      'No string of any object may hold a value in a known credential format (cloud and SaaS API keys, tokens, private keys, JWTs, URLs with a password), including base64-decoded Secret data, annotations and custom resources; nor may a custom resource or an annotation (last-applied-configuration included) hold a literal value under a credential-named key.',
    remediation:
      'Revoke and rotate the credential, remove it from the manifest and its Git history, and load it at run time from a Secret managed outside the repository (External Secrets, Sealed Secrets, SOPS or a vault).',
    messages: {
      found: '{{detector}} found in {{location}}.',
      foundDecoded: '{{detector}} found in {{location}} once base64-decoded.',
      foundEmbedded: '{{detector}} found in the JSON embedded in {{location}}, at {{inner}}.',
      credentialField: 'Literal value under the credential-named key {{location}}.',
      credentialFieldEmbedded: 'Literal value under a credential-named key in the JSON embedded in {{location}}, at {{inner}}.',
    },
    options: {
      type: 'object',
      properties: {
        disabledDetectors: {
          type: 'array',
          items: { type: 'string', enum: [...DETECTOR_IDS, CREDENTIAL_NAME_DETECTOR] },
          uniqueItems: true,
          description:
            'Detectors to turn off, by id (e.g. "jwt" when test tokens are committed on purpose; "credential-name" for literal values under credential-named keys of custom resources and annotations).',
        },
      },
      additionalProperties: false,
    },
    defaultOptions: { disabledDetectors: [] },
  },
  create(context) {
    const disabled = new Set(context.options.disabledDetectors ?? []);
    return {
      object(object) {
        scanStrings(
          object.value,
          (hit) => {
            const messageId = hit.inner ? 'foundEmbedded' : hit.decoded ? 'foundDecoded' : 'found';
            context.report({ messageId, data: describe(hit), at: [...object.path, ...hit.path] });
          },
          { disabled },
        );
        if (disabled.has(CREDENTIAL_NAME_DETECTOR)) return;
        reportCredentialFields(object, (messageId, at, data) => context.report({ messageId, data, at: [...object.path, ...at] }));
      },
    };
  },
});
