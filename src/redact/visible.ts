/**
 * Text from manifests and file names, made safe for line-based output (terminals, CI logs): line
 * breaks, escape sequences and other control or direction characters are shown as `\n`, `\x1b`,
 * `\u202e`, so they can neither start a new line nor drive the terminal; a line never begins with
 * a workflow command (`::`, `##[`).
 */

/** C0 and C1 controls (tab excepted), DEL, and Unicode line separators and direction overrides. */
const INVISIBLE = /[\u0000-\u0008\u000a-\u001f\u007f-\u009f\u061c\u200e\u200f\u2028\u2029\u202a-\u202e\u2066-\u2069\ufeff]/g;
const NAMED: Record<string, string> = { '\n': '\\n', '\r': '\\r', '\u001b': '\\e' };

export function visible(text: string): string {
  return text.replace(INVISIBLE, (char) => NAMED[char] ?? escapeCode(char.charCodeAt(0)));
}

function escapeCode(code: number): string {
  return code <= 0xff ? `\\x${code.toString(16).padStart(2, '0')}` : `\\u${code.toString(16).padStart(4, '0')}`;
}

/** GitHub's runner reads a line as a command when it starts (after blanks) with `::` or `##[`. */
const COMMAND_START = /^(\s*)(::|##\[)/;

/** A whole output line made of outside text: visible, and never a workflow command. */
export function visibleLine(text: string): string {
  return visible(text).replace(COMMAND_START, (_whole, blanks: string, marker: string) => `${blanks}\\${marker}`);
}
