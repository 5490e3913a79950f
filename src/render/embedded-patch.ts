/**
 * A patch written inside a kustomization (`patches: - patch: |-`, an inline `patchesStrategicMerge` string,
 * `patchesJson6902` with `patch:`) read as a file of its own, with a map from each character of the patch text
 * to its offset in the kustomization, so a field of the patch is reported where it is written there.
 * Literal blocks and one-line plain or quoted scalars map exactly; a folded or multi-line flow scalar does not
 * (line folding loses where each character was), and is reported at its `patch:` key instead.
 */
import { isScalar, Scalar } from 'yaml';
import { parseYamlFile } from '../yaml/parse.js';
import type { Path } from '../types.js';
import { documentValues, type OriginFile } from './origin-files.js';

/** The scalar at `nodePath` of the kustomization, as an origin file that knows its host. */
export function embeddedPatch(host: OriginFile, nodePath: Path): OriginFile | undefined {
  const document = host.parsed.documents[0];
  if (!document) return undefined;
  const node = document.doc.getIn(nodePath, true);
  if (!isScalar(node) || typeof node.value !== 'string' || !node.range) return undefined;
  const text = node.value;
  const parsed = parseYamlFile(text);
  const key = keyRange(host, nodePath, node);
  return { absolute: host.absolute, text, parsed, values: documentValues(parsed), host: { file: host, offsets: offsetsOf(host.parsed.text, node, text), key } };
}

/** The `patch:` key (or the list item) that holds the scalar: where an unmappable position points. */
function keyRange(host: OriginFile, nodePath: Path, node: Scalar): { start: number; end: number } {
  const parent = host.parsed.documents[0]!.doc.getIn(nodePath.slice(0, -1), true) as { items?: unknown[] } | undefined;
  const last = nodePath[nodePath.length - 1];
  const pair = typeof last === 'string' ? (parent?.items as { key?: { range?: number[]; value?: unknown } }[] | undefined)?.find((item) => item.key?.value === last) : undefined;
  const range = pair?.key?.range ?? node.range!;
  return { start: range[0]!, end: range[1]! };
}

/** Offset in `source` of each character of `value` (and one past its end), or undefined when it cannot be told. */
function offsetsOf(source: string, node: Scalar, value: string): number[] | undefined {
  const [start, end] = node.range as [number, number, number];
  const written = source.slice(start, end);
  let decoded: { text: string; offsets: number[] } | undefined;
  if (node.type === Scalar.BLOCK_LITERAL) decoded = literalBlock(written, start);
  else if (!written.includes('\n')) {
    if (node.type === Scalar.PLAIN) decoded = { text: written, offsets: [...written].map((_, index) => start + index) };
    else if (node.type === Scalar.QUOTE_SINGLE) decoded = quoted(written, start, (rest) => (rest.startsWith("''") ? ["'", 2] : undefined));
    else if (node.type === Scalar.QUOTE_DOUBLE) decoded = quoted(written, start, doubleEscape);
  }
  // Trust the map only where it spells what the parser read (chomping may drop the final line breaks).
  if (!decoded || !decoded.text.startsWith(value.replace(/\n+$/, '')) || decoded.text.length < value.replace(/\n+$/, '').length) return undefined;
  const offsets = decoded.offsets.slice(0, value.length);
  while (offsets.length < value.length) offsets.push(offsets[offsets.length - 1] ?? start);
  offsets.push((offsets[offsets.length - 1] ?? start) + 1);
  return offsets;
}

/** `|`, `|-`, `|+` with auto-detected indentation: each content line is one line of the value, minus the indentation. */
function literalBlock(written: string, start: number): { text: string; offsets: number[] } | undefined {
  const headerEnd = written.indexOf('\n');
  if (headerEnd === -1 || /\d/.test(written.slice(0, headerEnd))) return undefined;
  const lines = written.slice(headerEnd + 1).split('\n');
  const first = lines.find((line) => line.trim() !== '');
  if (first === undefined) return undefined;
  const indent = first.length - first.trimStart().length;
  let text = '';
  const offsets: number[] = [];
  let lineStart = start + headerEnd + 1;
  for (const [index, line] of lines.entries()) {
    for (let column = indent; column < line.length; column++) {
      text += line[column];
      offsets.push(lineStart + column);
    }
    if (index < lines.length - 1) {
      text += '\n';
      offsets.push(lineStart + line.length);
    }
    lineStart += line.length + 1;
  }
  return { text, offsets };
}

type Escape = (rest: string) => [string, number] | undefined;

const DOUBLE_ESCAPES: Record<string, string> = { n: '\n', t: '\t', '"': '"', '\\': '\\', '/': '/', ' ': ' ' };

function doubleEscape(rest: string): [string, number] | undefined {
  if (!rest.startsWith('\\')) return undefined;
  const meaning = DOUBLE_ESCAPES[rest[1] ?? ''];
  // Other escapes (\x41, \u00e9…) are rare in patches: the check against the parsed value rejects the map.
  return meaning === undefined ? [rest.slice(0, 2), 2] : [meaning, 2];
}

/** A one-line quoted scalar: the characters between the quotes, escapes read as one character each. */
function quoted(written: string, start: number, escape: Escape): { text: string; offsets: number[] } {
  let text = '';
  const offsets: number[] = [];
  for (let index = 1; index < written.length - 1; ) {
    const escaped = escape(written.slice(index));
    const [chars, width] = escaped ?? [written[index]!, 1];
    for (const char of chars) {
      text += char;
      offsets.push(start + index);
    }
    index += width;
  }
  return { text, offsets };
}
