/**
 * High-confidence credential formats, found by value alone (provider token prefixes, PEM keys,
 * JWTs, URLs with a password). Every string of every object goes through `detectCredentials`,
 * so one precompiled prefilter rejects almost all strings before any detector runs.
 */
import { isLiteralUrlPassword, isPlaceholderValue } from './placeholders.js';

export interface Detector {
  readonly id: string;
  /** Shown to the user: what was found, never the value. */
  readonly title: string;
  /** Cheap substrings; the pattern runs only when one of them is in the string. */
  readonly anchors: readonly string[];
  /** A substring that must also be present (checked before the pattern). */
  readonly requires?: string;
  readonly pattern: RegExp;
  /** Extra check on the match (placeholders, a PEM body, a decodable header). */
  readonly verify?: (match: RegExpExecArray, text: string) => boolean;
  /** Detectors made redundant by this one when both hit the same string. */
  readonly covers?: readonly string[];
}

export const DETECTORS: readonly Detector[] = [
  {
    id: 'aws-access-key-id',
    title: 'AWS access key ID',
    anchors: ['AKIA', 'ASIA', 'AGPA', 'AIDA', 'AROA', 'AIPA', 'ANPA', 'ANVA', 'A3T'],
    pattern: /(?<![A-Z0-9])(?:A3T[A-Z0-9]|AKIA|ASIA|AGPA|AIDA|AROA|AIPA|ANPA|ANVA)[A-Z0-9]{16}(?![A-Za-z0-9])/,
  },
  {
    id: 'aws-secret-access-key',
    title: 'AWS secret access key',
    anchors: ['ecret_access_key', 'ECRET_ACCESS_KEY', 'ecretAccessKey', 'ws_secret', 'WS_SECRET'],
    pattern: /(?:secret_?access_?key|aws_?secret)["']?\s*[:=]\s*["']?[A-Za-z0-9/+]{40}(?![A-Za-z0-9/+=])/i,
  },
  {
    id: 'github-token',
    title: 'GitHub token',
    anchors: ['ghp_', 'gho_', 'ghu_', 'ghs_', 'ghr_', 'github_pat_'],
    pattern: /(?<![A-Za-z0-9_])(?:gh[pousr]_[A-Za-z0-9]{36}|github_pat_[A-Za-z0-9]{22}_[A-Za-z0-9]{59})(?![A-Za-z0-9])/,
  },
  {
    id: 'gitlab-token',
    title: 'GitLab personal access token',
    anchors: ['glpat-'],
    pattern: /(?<![A-Za-z0-9])glpat-[A-Za-z0-9_-]{20,}(?![A-Za-z0-9_-])/,
  },
  {
    id: 'slack-token',
    title: 'Slack token',
    anchors: ['xox', 'xapp-'],
    pattern: /(?<![A-Za-z0-9])(?:xox[abposr]-\d{6,}-[0-9A-Za-z-]{8,}|xapp-\d-[A-Z0-9]{8,}-\d+-[a-f0-9]{16,})/,
  },
  {
    id: 'slack-webhook',
    title: 'Slack webhook URL',
    anchors: ['hooks.slack.com'],
    pattern: /hooks\.slack\.com\/(?:services|workflows)\/T[A-Z0-9]{6,}\/[AB][A-Z0-9]{6,}\/[A-Za-z0-9]{16,}/,
  },
  {
    id: 'stripe-secret-key',
    title: 'Stripe live secret key',
    anchors: ['k_live_'],
    pattern: /(?<![A-Za-z0-9])[sr]k_live_[0-9A-Za-z]{20,}(?![A-Za-z0-9])/,
  },
  {
    id: 'google-api-key',
    title: 'Google API key',
    anchors: ['AIza'],
    pattern: /(?<![A-Za-z0-9_-])AIza[0-9A-Za-z_-]{35}(?![A-Za-z0-9_-])/,
  },
  {
    id: 'gcp-service-account',
    title: 'Google Cloud service-account key',
    anchors: ['service_account'],
    pattern: /"type"\s*:\s*"service_account"/,
    verify: (_match, text) => text.includes('"private_key"'),
    covers: ['private-key'],
  },
  {
    id: 'private-key',
    title: 'Private key',
    anchors: ['PRIVATE KEY'],
    pattern: /-----BEGIN[A-Z ]{0,20} PRIVATE KEY(?: BLOCK)?-----/,
    // A header alone (documentation, a commented template) is not a key: require key material after it.
    verify: (match, text) => /[A-Za-z0-9+/]{40}/.test(text.slice(match.index + match[0].length, match.index + match[0].length + 400)),
  },
  {
    id: 'jwt',
    title: 'JSON Web Token',
    anchors: ['eyJ'],
    pattern: /(?<![A-Za-z0-9_-])eyJ[A-Za-z0-9_-]{8,}\.eyJ[A-Za-z0-9_-]{8,}\.[A-Za-z0-9_-]{8,}/,
  },
  {
    id: 'url-password',
    title: 'Password in a URL',
    anchors: ['://'],
    requires: '@',
    pattern: /[A-Za-z][A-Za-z0-9+.-]*:\/\/[^\s/:@"'<>]*:([^\s/@"'<>]+)@[A-Za-z0-9[]/,
    verify: (match) => isLiteralUrlPassword(match[1]!),
  },
  {
    id: 'http-basic-auth',
    title: 'HTTP basic authentication header',
    anchors: ['Basic '],
    pattern: /[Aa]uthorization["']?\s*[:=]\s*["']?Basic\s+([A-Za-z0-9+/]{8,}={0,2})/,
    verify: (match) => Buffer.from(match[1]!, 'base64').toString('latin1').includes(':'),
  },
  {
    id: 'docker-registry-auth',
    title: 'Container registry login',
    anchors: ['"auth"'],
    // .dockerconfigjson: `"auth": base64("user:password")`.
    pattern: /"auth"\s*:\s*"([A-Za-z0-9+/]{8,}={0,2})"/,
    verify: (match) => {
      const decoded = Buffer.from(match[1]!, 'base64').toString('utf8');
      const colon = decoded.indexOf(':');
      return colon > 0 && isLiteralUrlPassword(decoded.slice(colon + 1));
    },
  },
  {
    id: 'npm-token',
    title: 'npm access token',
    anchors: ['npm_', '_authToken'],
    pattern: /(?<![A-Za-z0-9_])npm_[A-Za-z0-9]{36}(?![A-Za-z0-9])|_authToken\s*=\s*([^\s"']+)/,
    verify: (match) => match[1] === undefined || !isPlaceholderValue(match[1]),
  },
  {
    id: 'jaas-password',
    title: 'Password in a JAAS login configuration',
    anchors: ['LoginModule'],
    // Kafka's `sasl.jaas.config`: `...PlainLoginModule required username="u" password="p";`.
    pattern: /LoginModule\s+(?:required|requisite|sufficient|optional)\b[^;]*?\bpassword\s*=\s*\\?"([^"\\]+)\\?"/,
    verify: (match) => !isPlaceholderValue(match[1]!),
  },
  {
    id: 'twilio-api-key',
    title: 'Twilio API key',
    anchors: ['SK'],
    pattern: /(?<![A-Za-z0-9])SK[0-9a-f]{32}(?![A-Za-z0-9])/,
  },
  {
    id: 'sendgrid-api-key',
    title: 'SendGrid API key',
    anchors: ['SG.'],
    pattern: /(?<![A-Za-z0-9])SG\.[A-Za-z0-9_-]{22}\.[A-Za-z0-9_-]{43}(?![A-Za-z0-9_-])/,
  },
  {
    id: 'hugging-face-token',
    title: 'Hugging Face access token',
    anchors: ['hf_'],
    pattern: /(?<![A-Za-z0-9_])hf_[A-Za-z0-9]{34,40}(?![A-Za-z0-9])/,
  },
  {
    id: 'azure-storage-key',
    title: 'Azure storage account key',
    anchors: ['AccountKey=', 'SharedAccessKey='],
    pattern: /(?:AccountKey|SharedAccessKey)=[A-Za-z0-9+/]{40,}={0,2}/,
  },
];

export const DETECTOR_IDS: readonly string[] = DETECTORS.map((detector) => detector.id);

/**
 * One pass over the string: does any anchor of any detector occur? Nearly every string stops
 * here. The anchors are merged into a prefix trie (`A(?:KIA|SIA|...)`), which V8 runs faster
 * than a flat alternation.
 */
const PREFILTER = new RegExp(trieAlternation([...new Set(DETECTORS.flatMap((detector) => detector.anchors))]));

function trieAlternation(words: readonly string[]): string {
  if (words.includes('')) return '';
  const byFirst = new Map<string, string[]>();
  for (const word of words) byFirst.set(word[0]!, [...(byFirst.get(word[0]!) ?? []), word.slice(1)]);
  const branches = [...byFirst].map(([first, rests]) => first.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&') + trieAlternation(rests));
  return branches.length === 1 ? branches[0]! : `(?:${branches.join('|')})`;
}

/** The same trie, global: finds every anchor of a whole file in one scan. */
const ANCHOR_SCAN = new RegExp(PREFILTER.source, 'g');
/**
 * Detectors to run for each anchor the scan can report. Were one anchor a prefix of another, the
 * trie would report the shorter: its entry also holds the longer one's detectors.
 */
const BY_ANCHOR = new Map<string, Set<Detector>>(
  DETECTORS.flatMap((detector) => detector.anchors).map((anchor) => [
    anchor,
    new Set(DETECTORS.filter((detector) => detector.anchors.some((other) => other.startsWith(anchor)))),
  ]),
);

/** The detectors with an anchor somewhere in `text` (a whole file), in their order. */
export function detectorsAnchoredIn(text: string): Detector[] {
  const found = new Set<Detector>();
  ANCHOR_SCAN.lastIndex = 0;
  for (let match = ANCHOR_SCAN.exec(text); match; match = ANCHOR_SCAN.exec(text)) {
    for (const detector of BY_ANCHOR.get(match[0])!) found.add(detector);
    // Anchors may overlap (`npm_authToken`): look again from the next character.
    ANCHOR_SCAN.lastIndex = match.index + 1;
  }
  return found.size === 0 ? [] : DETECTORS.filter((detector) => found.has(detector));
}

/** Shortest string any detector can match (`a://:pw@h`); shorter strings are skipped outright. */
const MIN_LENGTH = 9;

/** `AWS_SECRET_ACCESS_KEY: <40 chars>`: the value alone is too generic, the name makes it certain. */
const AWS_SECRET_NAME = /aws.?secret|secret.?access.?key/i;
const AWS_SECRET_VALUE = /^[A-Za-z0-9/+]{40}$/;

const NONE: readonly Detector[] = Object.freeze([]);

/**
 * The detectors that match `text`, redundant ones removed. `keyName` (the map key or the
 * env var name the string belongs to) enables name-dependent detectors.
 */
export function detectCredentials(text: string, keyName?: string, disabled?: ReadonlySet<string>): readonly Detector[] {
  let hits: Detector[] | undefined;
  if (keyName !== undefined && text.length === 40 && AWS_SECRET_NAME.test(keyName) && AWS_SECRET_VALUE.test(text)) {
    hits = [AWS_SECRET_BY_NAME];
  }
  if (text.length < MIN_LENGTH || !PREFILTER.test(text)) return finish(hits, disabled);
  for (const detector of DETECTORS) {
    if (hits?.includes(detector)) continue;
    if (!detector.anchors.some((anchor) => text.includes(anchor))) continue;
    if (detector.requires !== undefined && !text.includes(detector.requires)) continue;
    const match = detector.pattern.exec(text);
    if (match && (!detector.verify || detector.verify(match, text))) (hits ??= []).push(detector);
  }
  return finish(hits, disabled);
}

const AWS_SECRET_BY_NAME = DETECTORS.find((detector) => detector.id === 'aws-secret-access-key')!;

function finish(hits: Detector[] | undefined, disabled: ReadonlySet<string> | undefined): readonly Detector[] {
  if (!hits) return NONE;
  const covered = new Set(hits.flatMap((hit) => hit.covers ?? []));
  const kept = hits.filter((hit) => !covered.has(hit.id) && !disabled?.has(hit.id));
  return kept.length > 0 ? kept : NONE;
}
