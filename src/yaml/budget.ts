/**
 * What a file may cost before it is parsed. The parser keeps every node in memory (about a
 * kilobyte each) and resolves no alias for us, so a few megabytes of `*a, *a, …` or `x, x, …`
 * would take minutes and gigabytes: such a file is refused in one counting pass instead.
 */
export const MAX_ALIASES = 50_000;
export const MAX_NODES = 1_000_000;

const ALIAS = /(?:^|[\s,[{:])\*[^\s,[\]{}]/g;

/** A reason to skip the text, or undefined when it is within budget. */
export function overBudget(text: string): string | undefined {
  // Every node needs a line break, a comma or a `- ` of its own, except the keys on those lines. A text no
  // longer than the limit cannot hold more separators than that: most files need no count at all.
  if (text.length > MAX_NODES && separatorCount(text) > MAX_NODES) return `more than ${MAX_NODES.toLocaleString('en-US')} YAML nodes`;
  if (!text.includes('*')) return undefined;
  let aliases = 0;
  ALIAS.lastIndex = 0;
  while (ALIAS.exec(text) !== null) {
    if (++aliases > MAX_ALIASES) return `alias bomb (more than ${MAX_ALIASES.toLocaleString('en-US')} aliases)`;
  }
  return undefined;
}

/**
 * Whether the UTF-8 bytes of a text surely keep it within the budget, counted without decoding it: no more
 * stars than aliases allowed (every alias takes one), and no more line breaks and commas than nodes (both
 * ASCII, counted in bytes as in the text). False is "not sure": `overBudget` on the text decides.
 */
export function surelyWithinBudget(bytes: Buffer): boolean {
  if (atLeast(bytes, STAR, MAX_ALIASES + 1)) return false;
  return bytes.length <= MAX_NODES || !atLeast(bytes, NEWLINE, MAX_NODES + 1 - occurrences(bytes, COMMA, MAX_NODES + 1));
}

const STAR = 0x2a;
const NEWLINE = 0x0a;
const COMMA = 0x2c;

/** How many times a byte occurs, counting no further than `limit` (each found by `indexOf`, which skips ahead natively). */
function occurrences(bytes: Buffer, byte: number, limit: number): number {
  let found = 0;
  for (let at = bytes.indexOf(byte); at !== -1 && found < limit; at = bytes.indexOf(byte, at + 1)) found++;
  return found;
}

function atLeast(bytes: Buffer, byte: number, times: number): boolean {
  return times <= 0 || occurrences(bytes, byte, times) >= times;
}

/** Line breaks and commas. */
function separatorCount(text: string): number {
  let separators = 0;
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    if (code === 10 || code === 44) separators++;
  }
  return separators;
}
