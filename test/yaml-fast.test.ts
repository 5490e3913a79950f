/**
 * Values straight from the CST must be the Composer's, exactly: for every document of the corpora and
 * the fixtures, the fast path gives the same values (key order included), problems, errors, ranges,
 * Helm templates and `locate` spans as the Document path, or leaves the file to the Document path.
 */
import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, test } from 'node:test';
import { lintText } from '../src/engine/lint-file.js';
import { rules } from '../src/rules/index.js';
import type { JsonValue, Path } from '../src/types.js';
import { locate, locateIn } from '../src/yaml/locate.js';
import { parseYamlFile, type ParsedFile } from '../src/yaml/parse.js';
import { toValue, UnlintableDocumentError } from '../src/yaml/to-value.js';
import { REPO_ROOT, sharedPath } from './support/shared.js';

function yamlFiles(root: string): string[] {
  const found: string[] = [];
  const walk = (folder: string): void => {
    for (const entry of readdirSync(folder, { withFileTypes: true })) {
      const full = path.join(folder, entry.name);
      if (entry.isDirectory()) walk(full);
      else if (/\.(ya?ml|json)$/.test(entry.name)) found.push(full);
    }
  };
  walk(root);
  return found.sort();
}

/** Deep equality that also holds key order, `-0` and NaN to account; the path of the first difference, if any. */
function difference(a: JsonValue, b: JsonValue, at = ''): string | undefined {
  if (a === null || b === null || typeof a !== 'object' || typeof b !== 'object') return Object.is(a, b) ? undefined : `${at}: ${String(a)} and ${String(b)}`;
  if (Array.isArray(a) !== Array.isArray(b)) return `${at}: array and mapping`;
  const keysA = Object.keys(a);
  const keysB = Object.keys(b);
  if (keysA.length !== keysB.length || keysA.some((key, i) => key !== keysB[i])) return `${at}: keys ${keysA.join(',')} and ${keysB.join(',')}`;
  for (const key of keysA) {
    const found = difference((a as Record<string, JsonValue>)[key]!, (b as Record<string, JsonValue>)[key]!, `${at}/${key}`);
    if (found) return found;
  }
  return undefined;
}

/** Every path to a node of the value, and beside each collection a path that misses. */
function paths(value: JsonValue, prefix: Path = [], out: Path[] = []): Path[] {
  out.push(prefix);
  if (Array.isArray(value)) {
    value.forEach((item, i) => paths(item, [...prefix, i], out));
    out.push([...prefix, value.length], [...prefix, 'name']);
  } else if (value !== null && typeof value === 'object') {
    for (const [key, item] of Object.entries(value)) paths(item, [...prefix, key], out);
    out.push([...prefix, 'no-such-key', 'deeper'], [...prefix, 0]);
  }
  return out;
}

interface Tally {
  documents: number;
  fast: number;
}

function assertSameParse(label: string, text: string, tally: Tally): void {
  const composed = parseYamlFile(text);
  const fast = parseYamlFile(text, { fast: true });
  assertSameFile(label, composed, fast);
  for (const [i, document] of fast.documents.entries()) {
    tally.documents++;
    if (!document.fast) continue;
    tally.fast++;
    const before = composed.documents[i]!;
    const at = `${label} document ${i + 1}`;
    assert.deepEqual(document.errors, [], at);
    if (document.empty) continue;
    let expected;
    try {
      expected = toValue(before.doc);
    } catch (error) {
      assert.ok(error instanceof UnlintableDocumentError, at);
      assert.fail(`${at}: the fast path built a document the converter refuses (${error.message})`);
    }
    assert.equal(difference(document.fast.value, expected.value), undefined, at);
    assert.deepEqual(document.fast.problems, expected.problems, at);
    for (const where of paths(expected.value)) {
      const fastSpan = locateIn(document, where);
      const span = locate(before.doc, where);
      const same = fastSpan.start === span.start && fastSpan.end === span.end && fastSpan.exact === span.exact && fastSpan.approximate === span.approximate;
      if (!same) assert.deepEqual(fastSpan, span, `${at} at ${JSON.stringify(where)}`);
    }
  }
}

function assertSameFile(label: string, composed: ParsedFile, fast: ParsedFile): void {
  assert.equal(fast.text, composed.text, label);
  assert.deepEqual(fast.streamErrors, composed.streamErrors, label);
  assert.equal(fast.documents.length, composed.documents.length, `${label}: documents`);
  for (const [i, document] of fast.documents.entries()) {
    const before = composed.documents[i]!;
    const at = `${label} document ${i + 1}`;
    assert.deepEqual(document.errors, before.errors, at);
    assert.equal(document.empty, before.empty, `${at}: empty`);
    assert.deepEqual([...document.range], [...before.range], `${at}: range`);
    assert.equal(document.helmTemplate, before.helmTemplate, `${at}: helm template`);
  }
}

function corpus(name: string, root: string, minimumShare: number): void {
  test(`${name}: the fast path gives the Document path's values, spans and templates`, () => {
    const tally = { documents: 0, fast: 0 };
    for (const file of yamlFiles(root)) assertSameParse(path.relative(root, file), readFileSync(file, 'utf8'), tally);
    assert.ok(tally.documents > 0);
    // The comparison must not pass by leaving every file to the Document path.
    assert.ok(tally.fast >= tally.documents * minimumShare, `${name}: ${tally.fast} of ${tally.documents} documents on the fast path`);
  });
}

describe('values straight from the parser', () => {
  corpus('the real corpus', sharedPath('corpus', 'real'), 0.95);
  corpus('the labeled corpus', sharedPath('corpus', 'labeled'), 0.95);
  corpus('the YAML edge cases', sharedPath('corpus', 'yaml-edge'), 0.3);
  corpus('the test manifests', path.join(REPO_ROOT, 'test', 'manifests'), 0.9);
});

describe('values straight from the parser, on broken variants', () => {
  // A seeded walk over small edits of the fixtures: near-misses of YAML are where the Composer objects.
  const PIECES = [' ', '\t', ':', '- ', '#', '"', "'", '\n', '{', '}', '[', ']', ',', '---\n', '...\n', '? ', '|', '>', '  ', 'a: b', '\n  ', '%', '*', '&', '!'];
  test('1,000 edited fixtures: each document on the fast path matches the Document path', () => {
    const files = yamlFiles(path.join(REPO_ROOT, 'test', 'manifests')).map((file) => readFileSync(file, 'utf8')).filter((text) => text.length < 4000);
    let seed = 15;
    const next = (n: number): number => {
      seed = (seed * 1103515245 + 12345) & 0x7fffffff;
      return seed % n;
    };
    const tally = { documents: 0, fast: 0 };
    for (let round = 0; round < 1000; round++) {
      let text = files[next(files.length)]!;
      for (let edits = 1 + next(4); edits > 0; edits--) {
        const at = next(text.length + 1);
        text = next(2) === 0 ? text.slice(0, at) + PIECES[next(PIECES.length)] + text.slice(at) : text.slice(0, at) + text.slice(at + 1 + next(3));
      }
      assertSameParse(`edit ${round}`, text, tally);
    }
    assert.ok(tally.fast > tally.documents / 2, `${tally.fast} of ${tally.documents} documents on the fast path`);
  });
});

/** Shapes near the edges of what the fast path takes: each must match the Document path, on whichever path it lands. */
const SHAPES: Record<string, { text: string; fast: boolean }> = {
  'a Source comment right before a block mapping goes to its first key': { text: '# Source: chart/templates/a.yaml\nkind: Pod\n', fast: true },
  'a Source comment after a blank line belongs to the document': { text: '# Source: chart/templates/a.yaml\n\nkind: Pod\n', fast: true },
  'a Source comment after ---': { text: '---\n# Source: chart/templates/b.yaml\nkind: Pod\n---\n# Source: chart/templates/c.yaml\nkind: Service\n', fast: true },
  'a Source comment before a flow mapping': { text: '# Source: chart/x.yaml\n{kind: Pod}\n', fast: true },
  'a comment-only document': { text: '# nothing here\n---\nkind: Pod\n', fast: true },
  'an empty quoted document': { text: "--- ''\n", fast: true },
  'a document end with a comment': { text: 'kind: Pod\n... # end\n# next\n---\nkind: Service\n', fast: true },
  'empty values, with and without comments': { text: 'a:\nb: # why\nc:\n  -\n  - # none\n  - x\nd: {e: , f: [ ]}\n', fast: true },
  'flow collections over several lines with a trailing comma': { text: 'args: [\n  "--a",\n  --b, # two\n]\nmap: {\n  "k": 1,\n  l: [x, {y: z}],\n}\n', fast: true },
  'duplicate keys, block and flow': { text: 'a: 1\nb: 2\na: 3\nf: {x: 1, x: 2}\n', fast: true },
  'a __proto__ key stays data': { text: '__proto__: {polluted: true}\n', fast: true },
  'YAML 1.1 scalars': { text: 'a: yes\nb: 0644\nc: 0x1F\nd: .inf\ne: ~\nf: 1_000\ng: "yes"\nh: |\n  text\n  more\ni: >-\n  folded\n  line\n', fast: true },
  'trailing comments after the last entry': { text: 'a:\n  b: 1\n  # about b\n# about a\nc: 2\n# end\n', fast: true },
  'an anchor and alias': { text: 'a: &x {b: 1}\nc: *x\n', fast: false },
  'a merge key': { text: 'base: &b {x: 1}\nobj:\n  <<: *b\n  y: 2\n', fast: false },
  'a tag': { text: 'a: !!str 1\n', fast: false },
  'a directive': { text: '%YAML 1.2\n---\na: 1\n', fast: false },
  'an explicit key': { text: '? a\n: 1\n', fast: false },
  'a tab before a value': { text: 'a:\t1\n', fast: false },
  'a key with no value': { text: 'a: 1\nb\nc: 2\n', fast: false },
  'a bad indentation': { text: 'a:\n  b: 1\n c: 2\n', fast: false },
  'a block mapping on the --- line': { text: '--- a: 1\n', fast: false },
  'an unterminated flow sequence': { text: 'a: [1, 2\nb: 3\n', fast: false },
  'a missing comma': { text: 'a: [1 2, {b: 1 c: 2}]\n', fast: false },
  'a mapping nested in a compact mapping': { text: 'a: b: 1\n', fast: false },
  'a mapping in a compact sequence': { text: '- a: 1\n  b: 2\n- - c\n  - d: 3\n    e: 4\n', fast: true },
  'a key over several lines': { text: '"a\n  b": 1\n', fast: false },
  'a line break between a key and its colon': { text: 'a: 1\n"b"\n: 2\n', fast: false },
  'a comment glued to a value': { text: 'a: "x"#c\n', fast: false },
  'a comment glued to a comma': { text: 'a: [b,#c\n  d]\n', fast: false },
};

describe('shapes at the edge of the fast path', () => {
  for (const [name, { text, fast }] of Object.entries(SHAPES)) {
    test(name, () => {
      const tally = { documents: 0, fast: 0 };
      assertSameParse(name, text, tally);
      assert.equal(tally.fast > 0, fast, fast ? 'expected the fast path' : 'expected the Document path');
    });
  }

  test('the engine lints a plain manifest without composing a Document', () => {
    const text = readFileSync(path.join(REPO_ROOT, 'examples', 'web.yaml'), 'utf8');
    const linted = lintText('web.yaml', text, { rules: rules.map((rule) => ({ rule, setting: { level: rule.meta.level, levelConfigured: false, options: rule.meta.defaultOptions ?? {} } })) });
    assert.ok(linted.findings.length > 0);
    assert.ok(linted.parsed.documents.length > 0 && linted.parsed.documents.every((document) => document.fast));
  });

  test('the fast path was checked against the Composer of this yaml release', () => {
    // fast-build.ts mirrors the error conditions of yaml's compose/*: a new minor release must be read again.
    const { version } = JSON.parse(readFileSync(path.join(REPO_ROOT, 'node_modules', 'yaml', 'package.json'), 'utf8')) as { version: string };
    assert.match(version, /^2\.9\./, `yaml ${version}: compare src/yaml/fast-build.ts with its compose/ code, then update this test`);
  });

  test('a document built on the fast path still gives its Document when asked', () => {
    const parsed = parseYamlFile('a: 1\n---\nb: [2]\n', { fast: true });
    assert.ok(parsed.documents.every((document) => document.fast));
    assert.deepEqual(parsed.documents[1]!.doc.toJS(), { b: [2] });
  });
});
