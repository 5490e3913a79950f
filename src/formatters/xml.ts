/** XML documents for the junit and checkstyle formats, written by fast-xml-parser's builder so any message stays well-formed. */
import { XMLBuilder } from 'fast-xml-parser';

/** One element: its attributes, then its child elements, then its text. */
export interface XmlElement {
  readonly name: string;
  readonly attributes: Readonly<Record<string, string>>;
  readonly children?: readonly XmlElement[];
  readonly text?: string;
}

/**
 * Values reach the builder escaped (`processEntities: false`): its own escaping ran five regular expressions
 * over every value, most of the time it took, where one test tells that nearly every value needs none.
 */
const builder = new XMLBuilder({ ignoreAttributes: false, attributeNamePrefix: '', preserveOrder: true, format: true, indentBy: '  ', suppressEmptyNode: true, processEntities: false });

/** Characters XML 1.0 cannot carry (most control characters, lone surrogates) become U+FFFD. */
const NOT_XML = /[^\t\n\r\u0020-\uD7FF\uE000-\uFFFD\u{10000}-\u{10FFFF}]/gu;
/** Markup characters and both quotes are escaped, in text as in attributes, so `]]>` in a message is harmless. */
const MARKUP = /[&<>'"]/g;
const ENTITY: Readonly<Record<string, string>> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', "'": '&apos;', '"': '&quot;' };
/** Whether a value needs either replacement. */
const SPECIAL = /[&<>'"]|[^\t\n\r\u0020-\uD7FF\uE000-\uFFFD\u{10000}-\u{10FFFF}]/u;

function xmlText(text: string): string {
  if (!SPECIAL.test(text)) return text;
  return text.replace(NOT_XML, '\uFFFD').replace(MARKUP, (char) => ENTITY[char]!);
}

type OrderedNode = Record<string, unknown>;

function ordered(element: XmlElement): OrderedNode {
  const attributes: Record<string, string> = {};
  for (const [name, value] of Object.entries(element.attributes)) attributes[name] = xmlText(value);
  const children: OrderedNode[] = (element.children ?? []).map(ordered);
  if (element.text !== undefined) children.push({ '#text': xmlText(element.text) });
  return { [element.name]: children, ':@': attributes };
}

/**
 * A pretty-printed document written one child of the root at a time: each child is serialized on its own
 * (inside an empty root, which is cut off, so it is indented one level in), so the report never exists as
 * one tree or one string.
 */
export function* xmlChunks(root: string, attributes: Record<string, string>, children: Iterable<XmlElement>): Generator<string, void> {
  const declaration = { '?xml': [{ '#text': '' }], ':@': { version: '1.0', encoding: 'UTF-8' } };
  const empty = (builder.build([declaration, ordered({ name: root, attributes })]) as string).trim();
  let open = false;
  for (const child of children) {
    if (!open) yield `${empty.slice(0, -'/>'.length)}>`;
    open = true;
    const wrapped = (builder.build([{ [root]: [ordered(child)] }]) as string).trim();
    yield `\n${wrapped.slice(wrapped.indexOf('\n') + 1, wrapped.lastIndexOf('\n'))}`;
  }
  yield open ? `\n</${root}>\n` : `${empty}\n`;
}
