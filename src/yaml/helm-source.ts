/** `helm template` writes `# Source: <chart>/templates/<file>` before each document; keep it. */
import type { Document } from 'yaml';

const SOURCE = /^\s*Source:\s*(\S.*?)\s*$/m;

export function helmTemplateOf(doc: Document.Parsed): string | undefined {
  // Where the comment attaches depends on blank lines: read both places.
  const contents = doc.contents as { commentBefore?: string | null } | null;
  return helmTemplateIn(contents?.commentBefore) ?? helmTemplateIn(doc.commentBefore);
}

/** The template a comment names, if it is a `Source:` line. */
export function helmTemplateIn(comment: string | null | undefined): string | undefined {
  const match = comment ? SOURCE.exec(comment) : null;
  return match?.[1] || undefined;
}
