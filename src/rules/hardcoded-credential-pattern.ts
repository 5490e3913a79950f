import { defineRule } from '../engine/define-rule.js';
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

export default defineRule<'found' | 'foundDecoded' | 'foundEmbedded', Options>({
  meta: {
    id: 'hardcoded-credential-pattern',
    category: 'security',
    level: 'error',
    securitySeverity: 8.5,
    presets: ['recommended'],
    tags: ['secret'],
    summary:
      'No string of any object may hold a value in a known credential format (cloud and SaaS API keys, tokens, private keys, JWTs, URLs with a password), including base64-decoded Secret data, annotations and custom resources.',
    remediation:
      'Revoke and rotate the credential, remove it from the manifest and its Git history, and load it at run time from a Secret managed outside the repository (External Secrets, Sealed Secrets, SOPS or a vault).',
    messages: {
      found: '{{detector}} found in {{location}}.',
      foundDecoded: '{{detector}} found in {{location}} once base64-decoded.',
      foundEmbedded: '{{detector}} found in the JSON embedded in {{location}}, at {{inner}}.',
    },
    options: {
      type: 'object',
      properties: {
        disabledDetectors: {
          type: 'array',
          items: { type: 'string', enum: [...DETECTOR_IDS] },
          uniqueItems: true,
          description: 'Detectors to turn off, by id (e.g. "jwt" when test tokens are committed on purpose).',
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
      },
    };
  },
});
