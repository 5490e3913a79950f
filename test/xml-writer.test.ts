/**
 * The junit and checkstyle writer against fast-xml-parser's builder, which wrote these reports before:
 * the same bytes for any names, attributes and text (markup, quotes, control characters, lone surrogates,
 * astral characters), and a document the parser reads back to the same values.
 */
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import fc from 'fast-check';
import { XMLBuilder, XMLParser, XMLValidator } from 'fast-xml-parser';
import { xmlChunks, type XmlElement } from '../src/formatters/xml.js';

const builder = new XMLBuilder({ ignoreAttributes: false, attributeNamePrefix: '', preserveOrder: true, format: true, indentBy: '  ', suppressEmptyNode: true });
const NOT_XML = /[^\t\n\r\u0020-\uD7FF\uE000-\uFFFD\u{10000}-\u{10FFFF}]/gu;

function ordered(element: XmlElement): Record<string, unknown> {
  const attributes: Record<string, string> = {};
  for (const [name, value] of Object.entries(element.attributes)) attributes[name] = value.replace(NOT_XML, '\uFFFD');
  const children: Record<string, unknown>[] = (element.children ?? []).map(ordered);
  if (element.text !== undefined) children.push({ '#text': element.text.replace(NOT_XML, '\uFFFD') });
  return { [element.name]: children, ':@': attributes };
}

/** The document as the builder wrote it, one child of the root at a time. */
function byBuilder(root: string, attributes: Record<string, string>, children: readonly XmlElement[]): string {
  const declaration = { '?xml': [{ '#text': '' }], ':@': { version: '1.0', encoding: 'UTF-8' } };
  const empty = (builder.build([declaration, ordered({ name: root, attributes })]) as string).trim();
  if (children.length === 0) return `${empty}\n`;
  let out = `${empty.slice(0, -'/>'.length)}>`;
  for (const child of children) {
    const wrapped = (builder.build([{ [root]: [ordered(child)] }]) as string).trim();
    out += `\n${wrapped.slice(wrapped.indexOf('\n') + 1, wrapped.lastIndexOf('\n'))}`;
  }
  return `${out}\n</${root}>\n`;
}

/** Text that reaches the reports: file names and messages, with every character escaping cares about. */
const textArb = fc.oneof(
  fc.string({ unit: fc.constantFrom('a', ' ', '&', '<', '>', '"', "'", ']]>', '\n', '\t', '\r', '\u0001', '\u001b', '\uFFFE', '\uD800', '\uDC00', '😀', 'é', '/>', '</') }),
  fc.string({ unit: 'grapheme' }),
  fc.string({ unit: 'binary' }),
);
const nameArb = fc.constantFrom('file', 'error', 'testsuite', 'testcase', 'failure');
const attributesArb = fc.dictionary(fc.constantFrom('name', 'line', 'message', 'source', 'type'), textArb, { maxKeys: 4 });
const leafArb: fc.Arbitrary<XmlElement> = fc.oneof(
  fc.record({ name: nameArb, attributes: attributesArb }),
  fc.record({ name: nameArb, attributes: attributesArb, text: textArb }),
);
const elementArb: fc.Arbitrary<XmlElement> = fc.record({
  name: nameArb,
  attributes: attributesArb,
  children: fc.array(fc.oneof(leafArb, fc.record({ name: nameArb, attributes: attributesArb, children: fc.array(leafArb, { maxLength: 3 }) })), { maxLength: 4 }),
});

describe('XML writer', () => {
  test('writes what fast-xml-parser\'s builder wrote, byte for byte', () => {
    fc.assert(
      fc.property(attributesArb, fc.array(elementArb, { maxLength: 4 }), (attributes, children) => {
        assert.equal([...xmlChunks('testsuites', attributes, children)].join(''), byBuilder('testsuites', attributes, children));
      }),
      { numRuns: 300 },
    );
  });

  test('a message full of markup reads back as written', () => {
    const message = `x]]>y<&z "quoted" 'single' \u0001 </error> <!-- -->`;
    const xml = [...xmlChunks('checkstyle', { version: '4.3' }, [{ name: 'file', attributes: { name: 'a&b.yaml' }, children: [{ name: 'error', attributes: { message } }] }])].join('');
    assert.equal(XMLValidator.validate(xml), true);
    const parsed = new XMLParser({ ignoreAttributes: false, attributeNamePrefix: '' }).parse(xml);
    assert.equal(parsed.checkstyle.file.name, 'a&b.yaml');
    assert.equal(parsed.checkstyle.file.error.message, message.replace('\u0001', '\uFFFD'));
  });
});
