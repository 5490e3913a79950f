/** `helm template` writes `# Source: <chart>/templates/<file>` before each document; keep it. */
import type { Document } from 'yaml';

const SOURCE = /^\s*Source:\s*(\S.*?)\s*$/m;

export function helmTemplateOf(doc: Document.Parsed): string | undefined {
  // Where the comment attaches depends on blank lines: read both places.
  const contents = doc.contents as { commentBefore?: string | null } | null;
  for (const comment of [contents?.commentBefore, doc.commentBefore]) {
    const match = comment ? SOURCE.exec(comment) : null;
    if (match?.[1]) return match[1];
  }
  return undefined;
}
