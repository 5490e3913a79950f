/** XML documents for the junit and checkstyle formats, built by xmlbuilder2 so any message stays well-formed. */
import { create, fragment } from 'xmlbuilder2';

export type XmlBuilder = ReturnType<typeof create>;

/**
 * Characters XML 1.0 cannot carry (most control characters) become U+FFFD; xmlbuilder2 escapes `<`, `&`
 * and `>` in text and attributes, so `]]>` in a message is harmless.
 */
const OPTIONS = { invalidCharReplacement: '\uFFFD' };

/**
 * A pretty-printed document written one child of the root at a time: each child is built and serialized
 * on its own (one level in), so the report never exists as one tree or one string.
 */
export function* xmlChunks(root: string, attributes: Record<string, string>, children: Iterable<(parent: XmlBuilder) => void>): Generator<string, void> {
  const empty = create({ version: '1.0', encoding: 'UTF-8', ...OPTIONS }).ele(root, attributes).doc().end({ prettyPrint: true });
  let open = false;
  for (const build of children) {
    if (!open) yield `${empty.slice(0, -'/>'.length)}>`;
    open = true;
    const part = fragment(OPTIONS);
    build(part);
    yield `\n${part.end({ prettyPrint: true, offset: 1 })}`;
  }
  yield open ? `\n</${root}>\n` : `${empty}\n`;
}
