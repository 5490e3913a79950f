/**
 * The text of one comment → a directive, ESLint style:
 *   kmlint-disable-next-line rule-a, rule-b -- reason until 2027-03-01
 * The comment itself comes from the YAML parser (see comment-directives.ts), never from raw text.
 */
export type DirectiveKind = 'disable-next-line' | 'disable-line' | 'disable' | 'enable' | 'disable-file';

export interface ParsedDirective extends RuleList {
  kind: DirectiveKind;
}

// Longest names first, so `kmlint-disable-next-line` is not read as `kmlint-disable`.
const KINDS: readonly DirectiveKind[] = ['disable-next-line', 'disable-line', 'disable-file', 'disable', 'enable'];
const UNTIL = /(?:^|[\s,;(])until\s+(\d{4}-\d{2}-\d{2})\)?\s*$/;

/** `source` is the comment as written, with its `#`. Returns undefined for ordinary comments. */
export function parseDirective(source: string): ParsedDirective | undefined {
  const body = source.replace(/^#\s*/, '');
  const kind = KINDS.find((candidate) => body === `kmlint-${candidate}` || body.startsWith(`kmlint-${candidate} `) || body.startsWith(`kmlint-${candidate}\t`));
  if (!kind) return undefined;
  return { kind, ...parseRuleList(body.slice(`kmlint-${kind}`.length)) };
}

export interface RuleList {
  /** Rule ids; empty means every rule (`*` is accepted for "every rule" as well). */
  rules: string[];
  reason?: string;
  /** YYYY-MM-DD. */
  expires?: string;
}

/** `rule-a, rule-b -- reason until 2027-03-01`: shared by comment directives and annotation values. */
export function parseRuleList(text: string): RuleList {
  let rest = text;
  let reason: string | undefined;
  const separator = rest.search(/(?:^|\s)--(?:\s|$)/);
  if (separator !== -1) {
    reason = rest.slice(separator).replace(/^\s*--/, '').trim();
    rest = rest.slice(0, separator);
  }
  // The expiry may close either part: `rule until 2027-03-01 -- why` or `rule -- why, until 2027-03-01`.
  let expires: string | undefined;
  const fromReason = reason === undefined ? null : UNTIL.exec(reason);
  if (fromReason && reason !== undefined) {
    expires = fromReason[1];
    reason = reason.slice(0, fromReason.index).replace(/[\s,;(]+$/, '');
  } else {
    const fromRules = UNTIL.exec(rest);
    if (fromRules) {
      expires = fromRules[1];
      rest = rest.slice(0, fromRules.index);
    }
  }
  const rules = rest
    .split(/[\s,]+/)
    .map((rule) => rule.trim())
    .filter((rule) => rule.length > 0);
  const list: RuleList = { rules: rules.includes('*') ? [] : rules };
  if (reason) list.reason = reason;
  if (expires) list.expires = expires;
  return list;
}
