/**
 * Reports that write some of their text after text they make later (GitHub's warnings after its errors,
 * JUnit's totals before its suites) keep it aside and read the findings once, whatever the text's size.
 */
import assert from 'node:assert/strict';
import { mkdtempSync, readdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { test } from 'node:test';
import type { FormatContext } from '../src/formatters/context.js';
import { githubChunks } from '../src/formatters/github.js';
import type { FormatInput } from '../src/formatters/index.js';
import { junitChunks } from '../src/formatters/junit.js';
import { Spill } from '../src/formatters/spill.js';
import type { Finding, Level } from '../src/types.js';

/** Runs `body` with temporary folders made in a folder of its own, and returns what is left there after. */
function leftBehind(body: () => void): string[] {
  const own = mkdtempSync(path.join(tmpdir(), 'kmlint-spill-test-'));
  const shared = process.env.TMPDIR;
  process.env.TMPDIR = own;
  try {
    body();
  } finally {
    if (shared === undefined) delete process.env.TMPDIR;
    else process.env.TMPDIR = shared;
  }
  return readdirSync(own);
}

test('a spill gives back its text in order, from memory or from its file, and leaves no file behind', () => {
  // Past the 1 MB pieces a file is read in, with characters of two, three and four bytes across their edges.
  const parts = Array.from({ length: 3000 }, (_, index) => `line ${index}: é日本🙂 ${'x'.repeat(index % 700)}\n`);
  for (const limit of [0, 1000, 1 << 30]) {
    let text = '';
    const left = leftBehind(() => {
      const spill = new Spill(limit);
      for (const part of parts) spill.add(part);
      text = [...spill.text()].join('');
    });
    assert.equal(text, parts.join(''), `limit ${limit}`);
    assert.deepEqual(left, [], `limit ${limit}`);
  }
  // Closed before it was read (a report that stopped): the file goes too.
  const left = leftBehind(() => {
    const spill = new Spill(0);
    spill.add('kept aside\n');
    const reading = spill.text();
    reading.next();
    reading.return(undefined);
  });
  assert.deepEqual(left, []);
});

function finding(file: string, line: number, level: Level): Finding {
  return {
    ruleId: 'latest-tag', level, message: `${level} <at> ${line}`, file, path: ['spec'], fingerprint: `${file}:${line}`,
    region: { startLine: line, startColumn: 1, endLine: line, endColumn: 2 }, object: { kind: 'Pod', name: `app-${line % 4}` },
  } as Finding;
}

/** Findings that count how many times they are read from the start, grouped by file as a run's spool says it is. */
function counted(items: readonly Finding[]): Iterable<Finding> & { readings: number; groupedByFile: true } {
  return {
    readings: 0,
    groupedByFile: true,
    *[Symbol.iterator]() {
      this.readings++;
      yield* items;
    },
  };
}

const FILES = ['a.yaml', 'b.yaml', 'c.yaml'];
const LEVELS_BY_LINE: Level[] = ['warning', 'error', 'note', 'warning'];
const FINDINGS = FILES.flatMap((file) => (file === 'b.yaml' ? [] : Array.from({ length: 40 }, (_, line) => finding(file, line + 1, LEVELS_BY_LINE[line % 4]!))));

function input(findings: Iterable<Finding>): FormatInput {
  return { files: FILES.map((file) => ({ file, objects: 1, documents: 1 })), findings, objects: 3, internalErrors: 0 } as unknown as FormatInput;
}

function context(spillFrom?: number): FormatContext {
  return { cwd: '/', version: '0.0.0', rules: [], ...(spillFrom !== undefined ? { spillFrom } : {}) };
}

test('GitHub annotations: errors, then warnings, then notices, from one reading, in memory or through a file', () => {
  const outputs = [undefined, 0].map((spillFrom) => {
    const findings = counted(FINDINGS);
    const text = [...githubChunks(input(findings), context(spillFrom))].join('');
    assert.equal(findings.readings, 2, 'one reading of the annotations, one of the counts (a spool knows them without one)');
    return text;
  });
  assert.equal(outputs[0], outputs[1]);
  const commands = outputs[0]!.split('\n').filter((line) => line.startsWith('::')).map((line) => line.slice(2, line.indexOf(' ')));
  const expected = (['error', 'warning', 'notice'] as const).flatMap((command) => commands.filter((line) => line === command));
  assert.deepEqual(commands, expected);
  assert.equal(commands.length, FINDINGS.length);
  // A level GitHub has no command for (a hand-edited shard report) is left out.
  const odd = [{ ...FINDINGS[0]!, level: 'fatal' as Level }, { ...FINDINGS[0]!, level: 'toString' as Level }];
  assert.equal([...githubChunks(input([...odd, ...FINDINGS]), context())].join(''), outputs[0]);
  // Within a level, in the findings' order.
  const errors = outputs[0]!.split('\n').filter((line) => line.startsWith('::error'));
  assert.match(errors[0]!, /file=a\.yaml,line=2,/);
  assert.match(errors.at(-1)!, /file=c\.yaml,line=38,/);
});

test('JUnit: the totals head the suites made in one reading; findings out of the files\' order take a second', () => {
  const inOrder = counted(FINDINGS);
  const document = [...junitChunks(input(inOrder), context(0))].join('');
  assert.equal(inOrder.readings, 1);
  assert.equal([...junitChunks(input(FINDINGS), context())].join(''), document, 'the same in memory');
  // Four test cases per file with findings (object and rule), one passing case for the clean file.
  assert.match(document, /^<\?xml[^\n]*\n<testsuites name="kmlint" tests="9" failures="8" errors="0">\n/);
  assert.deepEqual([...document.matchAll(/<testsuite name="([^"]+)" tests="(\d+)"/g)].map((match) => `${match[1]} ${match[2]}`), ['a.yaml 4', 'b.yaml 1', 'c.yaml 4']);
  assert.ok(document.includes('message="warning &lt;at&gt; 1"'));

  const reversed = counted([...FINDINGS.filter((item) => item.file === 'c.yaml'), ...FINDINGS.filter((item) => item.file === 'a.yaml')]);
  assert.equal([...junitChunks(input(reversed), context(0))].join(''), document);
  assert.equal(reversed.readings, 2);

  const none = [...junitChunks({ ...input([]), files: [] } as FormatInput, context())].join('');
  assert.match(none, /<testsuites name="kmlint" tests="0" failures="0" errors="0"\/>\n$/);
});
