/**
 * XML documents for the junit and checkstyle formats: pretty-printed, two spaces a level, empty elements
 * closed with `/>`. Written here rather than by an XML builder: the documents are two levels of elements
 * with attributes and text, and fast-xml-parser's builder (which wrote byte for byte the same documents,
 * checked in test/xml-writer.test.ts) ran seven regular expressions over every attribute value, about a
 * sixth of a cached run's CPU.
 */

/** One element: its attributes, then either child elements or text. */
export type XmlElement = {
  readonly name: string;
  readonly attributes: Readonly<Record<string, string>>;
} & ({ readonly children?: readonly XmlElement[]; readonly text?: undefined } | { readonly children?: undefined; readonly text: string });

/** Characters XML 1.0 cannot carry (most control characters, lone surrogates) become U+FFFD. */
const NOT_XML = /[^\t\n\r\u0020-\uD7FF\uE000-\uFFFD\u{10000}-\u{10FFFF}]/gu;
/** Markup characters and both quotes are escaped, in text as in attributes, so `]]>` in a message is harmless. */
const MARKUP = /[&<>'"]/g;
const ENTITY: Readonly<Record<string, string>> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', "'": '&apos;', '"': '&quot;' };
/** Whether a value needs either replacement; most do not, and a test is cheaper than a replace. */
const SPECIAL = /[&<>'"]|[^\t\n\r\u0020-\uD7FF\uE000-\uFFFD\u{10000}-\u{10FFFF}]/u;

export function escapeXml(text: string): string {
  if (!SPECIAL.test(text)) return text;
  return text.replace(NOT_XML, '\uFFFD').replace(MARKUP, (char) => ENTITY[char]!);
}

function startTag(element: XmlElement): string {
  let tag = `<${element.name}`;
  for (const name in element.attributes) tag += ` ${name}="${escapeXml(element.attributes[name]!)}"`;
  return tag;
}

/** The element on lines of its own, each starting with `indent` (a newline, then the element's depth in spaces). */
function written(element: XmlElement, indent: string): string {
  const start = indent + startTag(element);
  if (element.children && element.children.length > 0) {
    let out = `${start}>`;
    for (const child of element.children) out += written(child, `${indent}  `);
    return `${out}${indent}</${element.name}>`;
  }
  return element.text ? `${start}>${escapeXml(element.text)}</${element.name}>` : `${start}/>`;
}

/**
 * A document written one child of the root at a time, so the report never exists as one tree or one
 * string.
 */
export function* xmlChunks(root: string, attributes: Record<string, string>, children: Iterable<XmlElement>): Generator<string, void> {
  const head = `<?xml version="1.0" encoding="UTF-8"?>\n${startTag({ name: root, attributes })}`;
  let open = false;
  for (const child of children) {
    if (!open) yield `${head}>`;
    open = true;
    yield written(child, '\n  ');
  }
  yield open ? `\n</${root}>\n` : `${head}/>\n`;
}
