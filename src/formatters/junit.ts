/**
 * JUnit XML as Jenkins, GitLab and Azure DevOps read it: one testsuite per file, one testcase per
 * object and rule that failed (all its findings in one failure), one passing testcase for a clean file.
 */
import type { Finding } from '../types.js';
import type { FormatContext } from './context.js';
import type { FormatInput } from './index.js';
import { byFile, messageWithTemplate, objectName } from './summary.js';
import { Spill } from './spill.js';
import { childChunk, element, escaped, rootFrame, type XmlElement } from './xml.js';

export function formatJunit(result: FormatInput, context: FormatContext): string {
  return [...junitChunks(result, context)].join('');
}

export function* junitChunks(result: FormatInput, context: FormatContext): Generator<string, void> {
  // The totals head the document: the suites are kept aside while one reading of the findings makes them.
  const body = new Spill(context.spillFrom);
  try {
    let totals = { tests: 0, failures: 0 };
    const along = suitesAlong(result);
    for (let next = along.next(); ; next = along.next()) {
      if (next.done) {
        if (!next.value) break;
        // The findings did not come in the order of the files: grouped in memory instead (a second reading).
        body.close();
        totals = { tests: 0, failures: 0 };
        const groups = new Map(byFile(result.findings));
        for (const { file } of result.files) addSuite(body, totals, { file, cases: testCases(groups.get(file) ?? []) });
        break;
      }
      addSuite(body, totals, next.value);
      // Nothing to write yet: a writer of several reports moves the others along the reading they share.
      yield '';
    }
    const frame = rootFrame('testsuites', { name: 'kmlint', tests: String(totals.tests), failures: String(totals.failures), errors: '0' });
    if (result.files.length === 0) {
      yield frame.empty;
      return;
    }
    yield frame.open;
    yield* body.text();
    yield frame.close;
  } finally {
    body.close();
  }
}

interface Suite {
  file: string;
  cases: { name: string; findings: Finding[] }[];
}

function addSuite(body: Spill, totals: { tests: number; failures: number }, suite: Suite): void {
  totals.tests += Math.max(1, suite.cases.length);
  totals.failures += suite.cases.length;
  body.add(childChunk('testsuites', suiteElement(suite)));
}

function suiteElement(suite: Suite): XmlElement {
  const attributes = {
    name: suite.file,
    tests: String(Math.max(1, suite.cases.length)),
    failures: String(suite.cases.length),
    errors: '0',
    skipped: '0',
  };
  const file = escaped(suite.file);
  if (suite.cases.length === 0) return element('testsuite', attributes, [element('testcase', { name: 'no problems', classname: file })]);
  const children = suite.cases.map((testCase): XmlElement => {
    const first = testCase.findings[0]!;
    const failure = element('failure', { message: first.message, type: first.level }, [], testCase.findings.map(detail).join('\n'));
    return element('testcase', { name: testCase.name, classname: file, file, line: String(first.region.startLine) }, [failure]);
  });
  return element('testsuite', attributes, children);
}

/**
 * Each linted file with its test cases, in the order of the files, read along the findings: a run's
 * findings come in that order. Returns true when some did not (a file's findings left over, or apart), and
 * what was made must be made again from findings grouped in memory.
 */
function* suitesAlong(result: FormatInput): Generator<Suite, boolean> {
  const names = new Set(result.files.map((file) => file.file));
  const groups = byFile(result.findings);
  const skipOthers = (next: IteratorResult<[string, Finding[]]>): IteratorResult<[string, Finding[]]> => {
    while (!next.done && !names.has(next.value[0])) next = groups.next();
    return next;
  };
  let next = skipOthers(groups.next());
  for (const { file } of result.files) {
    if (!next.done && next.value[0] === file) {
      yield { file, cases: testCases(next.value[1]) };
      next = skipOthers(groups.next());
    } else {
      yield { file, cases: [] };
    }
  }
  return !next.done;
}

function caseName(finding: Finding): string {
  return `${objectName(finding) ?? `document ${(finding.documentIndex ?? 0) + 1}`}: ${finding.ruleId}`;
}

/** Findings grouped by object and rule, in the order they were found. */
function testCases(findings: readonly Finding[]): { name: string; findings: Finding[] }[] {
  const cases = new Map<string, { name: string; findings: Finding[] }>();
  for (const finding of findings) {
    const name = caseName(finding);
    const entry = cases.get(name) ?? { name, findings: [] };
    entry.findings.push(finding);
    cases.set(name, entry);
  }
  return [...cases.values()];
}

function detail(finding: Finding): string {
  const more = finding.helpUri ? ` ${finding.helpUri}` : '';
  return `${finding.file}:${finding.region.startLine}:${finding.region.startColumn}: ${finding.level}: ${messageWithTemplate(finding)} [${finding.ruleId}]${more}`;
}
