/** XML documents for the junit and checkstyle formats, built by xmlbuilder2 so any message stays well-formed. */
import { create } from 'xmlbuilder2';

export type XmlBuilder = ReturnType<typeof create>;

/**
 * A new document. Characters XML 1.0 cannot carry (most control characters) become U+FFFD;
 * xmlbuilder2 escapes `<`, `&` and `>` in text and attributes, so `]]>` in a message is harmless.
 */
export function xmlDocument(): XmlBuilder {
  return create({ version: '1.0', encoding: 'UTF-8', invalidCharReplacement: '\uFFFD' });
}

export function serialize(doc: XmlBuilder): string {
  return `${doc.end({ prettyPrint: true })}\n`;
}
