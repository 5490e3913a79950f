/** "Did you mean …?" for misspelt rule ids and config keys: the closest known name by edit distance. */
export function closest(input: string, candidates: Iterable<string>): string | undefined {
  const list = [...candidates];
  // A cut-short name (`warn`, `privileged`) is a typo too, when only one name starts that way.
  const extended = input.length >= 3 ? list.filter((candidate) => candidate.toLowerCase().startsWith(input.toLowerCase())) : [];
  if (extended.length === 1) return extended[0];
  let best: string | undefined;
  let bestDistance = Infinity;
  for (const candidate of list) {
    const distance = editDistance(input.toLowerCase(), candidate.toLowerCase());
    if (distance < bestDistance) {
      best = candidate;
      bestDistance = distance;
    }
  }
  // Close enough to be a typo, not a different word: at most a third of the name, and never all of it.
  const limit = Math.max(1, Math.floor(input.length / 3));
  return best !== undefined && bestDistance <= limit && bestDistance < input.length ? best : undefined;
}

export function didYouMean(input: string, candidates: Iterable<string>): string {
  const suggestion = closest(input, candidates);
  return suggestion ? ` (did you mean "${suggestion}"?)` : '';
}

/** Damerau–Levenshtein (optimal string alignment): a swapped pair of letters counts as one typo. */
export function editDistance(a: string, b: string): number {
  const rows = a.length + 1;
  const cols = b.length + 1;
  const d: number[][] = Array.from({ length: rows }, (_, i) => Array.from({ length: cols }, (_, j) => (i === 0 ? j : j === 0 ? i : 0)));
  for (let i = 1; i < rows; i++) {
    for (let j = 1; j < cols; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      let value = Math.min(d[i - 1]![j]! + 1, d[i]![j - 1]! + 1, d[i - 1]![j - 1]! + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) value = Math.min(value, d[i - 2]![j - 2]! + 1);
      d[i]![j] = value;
    }
  }
  return d[a.length]![b.length]!;
}
