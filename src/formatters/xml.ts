/** XML documents for the junit and checkstyle formats, written by fast-xml-parser's builder so any message stays well-formed. */
import { XMLBuilder } from 'fast-xml-parser';

/**
 * One element as the builder takes it (`preserveOrder`): `{ [name]: children, ':@': attributes }`, its values
 * already escaped. Made by `element`, never by hand, so every value goes through `xmlText`.
 */
export type XmlElement = Record<string, unknown>;

/**
 * Values reach the builder escaped (`processEntities: false`): its own escaping ran five regular expressions
 * over every value, most of the time it took, where one test tells that nearly every value needs none.
 */
const builder = new XMLBuilder({ ignoreAttributes: false, attributeNamePrefix: '', preserveOrder: true, format: true, indentBy: '  ', suppressEmptyNode: true, processEntities: false });

/** Characters XML 1.0 cannot carry (most control characters, lone surrogates) become U+FFFD. */
const NOT_XML = /[^\t\n\r\u0020-\uD7FF\uE000-\uFFFD\u{10000}-\u{10FFFF}]/gu;
/**
 * Markup characters and both quotes are escaped, in text as in attributes, so `]]>` in a message is harmless:
 * one pass per character (a replacement function per match cost about half as much again), `&` first.
 */
const ENTITIES: readonly (readonly [RegExp, string])[] = [[/&/g, '&amp;'], [/</g, '&lt;'], [/>/g, '&gt;'], [/'/g, '&apos;'], [/"/g, '&quot;']];
/**
 * Whether a value may need any change: markup, or a character XML may not carry (control characters, any
 * surrogate: paired ones are fine, but telling them apart needs the slower Unicode mode, and the two
 * non-characters). One scan, and most values (numbers, names, paths) have none of them.
 */
const MAYBE_CHANGED = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uD800-\uDFFF\uFFFE\uFFFF&<>'"]/;
const MAYBE_NOT_XML = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uD800-\uDFFF\uFFFE\uFFFF]/;
const HAS_MARKUP = /[&<>'"]/;

export function xmlText(text: string): string {
  if (!MAYBE_CHANGED.test(text)) return text;
  const carried = MAYBE_NOT_XML.test(text) ? text.replace(NOT_XML, '\uFFFD') : text;
  if (!HAS_MARKUP.test(carried)) return carried;
  let escaped = carried;
  for (const [pattern, entity] of ENTITIES) escaped = escaped.replace(pattern, entity);
  return escaped;
}

/**
 * An element with its attributes, then its child elements, then its text. Attribute values and the text are
 * escaped here; a value already escaped (one shared by many elements) is passed through `escaped`.
 */
export function element(name: string, attributes: Readonly<Record<string, string | Escaped>>, children: XmlElement[] = [], text?: string): XmlElement {
  const values: Record<string, string> = {};
  for (const key in attributes) {
    const value = attributes[key]!;
    values[key] = typeof value === 'string' ? xmlText(value) : value.xml;
  }
  if (text !== undefined) children.push({ '#text': xmlText(text) });
  return { [name]: children, ':@': values };
}

/** A value escaped once for several attributes (a file's name on each of its test cases). */
export interface Escaped {
  readonly xml: string;
}

export function escaped(value: string): Escaped {
  return { xml: xmlText(value) };
}

/**
 * A pretty-printed document written one child of the root at a time: each child is serialized on its own
 * (inside an empty root, which is cut off, so it is indented one level in), so the report never exists as
 * one tree or one string.
 */
export function* xmlChunks(root: string, attributes: Record<string, string>, children: Iterable<XmlElement>): Generator<string, void> {
  const frame = rootFrame(root, attributes);
  let open = false;
  for (const child of children) {
    if (!open) yield frame.open;
    open = true;
    yield childChunk(root, child);
  }
  yield open ? frame.close : frame.empty;
}

/** The root's parts around its children, the declaration first; `empty` when it has none. */
export function rootFrame(root: string, attributes: Record<string, string>): { open: string; close: string; empty: string } {
  const declaration = { '?xml': [{ '#text': '' }], ':@': { version: '1.0', encoding: 'UTF-8' } };
  const empty = (builder.build([declaration, element(root, attributes)]) as string).trim();
  return { open: `${empty.slice(0, -'/>'.length)}>`, close: `\n</${root}>\n`, empty: `${empty}\n` };
}

/** A child of `root` as `xmlChunks` writes it. */
export function childChunk(root: string, child: XmlElement): string {
  const wrapped = (builder.build([{ [root]: [child] }]) as string).trim();
  return `\n${wrapped.slice(wrapped.indexOf('\n') + 1, wrapped.lastIndexOf('\n'))}`;
}
