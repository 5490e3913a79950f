/**
 * Which lines of a text hold a match of a pattern, found in one scan of the whole text rather than
 * one test per line: most lines of a manifest hold none, and a scan skips them at the speed of the
 * regexp engine.
 */

/** Offsets where each line starts. */
export function lineStarts(text: string): number[] {
  const starts = [0];
  for (let index = text.indexOf('\n'); index !== -1; index = text.indexOf('\n', index + 1)) starts.push(index + 1);
  return starts;
}

/** 0-based line of an offset. */
export function lineOf(starts: readonly number[], offset: number): number {
  let low = 0;
  let high = starts.length - 1;
  while (low < high) {
    const middle = (low + high + 1) >> 1;
    if (starts[middle]! <= offset) low = middle;
    else high = middle - 1;
  }
  return low;
}

/**
 * 0-based line numbers marked 1 where `pattern` (global and multiline, never matching a line
 * break) matches; `starts` are the text's line starts.
 */
export function linesWith(text: string, pattern: RegExp, starts: readonly number[]): Uint8Array {
  const marked = new Uint8Array(starts.length);
  pattern.lastIndex = 0;
  for (let match = pattern.exec(text); match; match = pattern.exec(text)) {
    const line = lineOf(starts, match.index);
    marked[line] = 1;
    // One match is enough: go on from the next line.
    if (line + 1 === starts.length) break;
    pattern.lastIndex = starts[line + 1]!;
  }
  return marked;
}
