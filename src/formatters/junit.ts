/**
 * JUnit XML as Jenkins, GitLab and Azure DevOps read it: one testsuite per file, one testcase per
 * object and rule that failed (all its findings in one failure), one passing testcase for a clean file.
 */
import type { Finding } from '../types.js';
import type { FormatContext } from './context.js';
import type { FormatInput } from './index.js';
import { byFile, messageWithTemplate, objectName } from './summary.js';
import { mapped } from './json-stream.js';
import { element, escaped, xmlChunks, type XmlElement } from './xml.js';

export function formatJunit(result: FormatInput, context: FormatContext): string {
  return [...junitChunks(result, context)].join('');
}

export function junitChunks(result: FormatInput, _context: FormatContext): Generator<string, void> {
  // The totals come first: one reading counts each file's cases, a second builds them file by file.
  const positions = new Map(result.files.map((file, position) => [file.file, position]));
  const caseCounts = new Map<string, number>();
  let last = -1;
  let inOrder = true;
  for (const [file, findings] of byFile(result.findings)) {
    const position = positions.get(file);
    if (position === undefined) continue;
    caseCounts.set(file, caseCount(findings));
    inOrder &&= position > last;
    last = position;
  }
  const failures = result.files.reduce((sum, file) => sum + (caseCounts.get(file.file) ?? 0), 0);
  const tests = result.files.reduce((sum, file) => sum + Math.max(1, caseCounts.get(file.file) ?? 0), 0);
  const elements = mapped(suites(result, inOrder), (suite): XmlElement => {
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
  });
  return xmlChunks('testsuites', { name: 'kmlint', tests: String(tests), failures: String(failures), errors: '0' }, elements);
}

/**
 * Each linted file with its test cases, in the order of the files. A run's findings come in that order, so
 * they are read along; findings handed in out of it are grouped in memory first.
 */
function* suites(result: FormatInput, inOrder: boolean): Generator<{ file: string; cases: { name: string; findings: Finding[] }[] }> {
  if (!inOrder) {
    const groups = new Map(byFile(result.findings));
    for (const { file } of result.files) yield { file, cases: testCases(groups.get(file) ?? []) };
    return;
  }
  const names = new Set(result.files.map((file) => file.file));
  const groups = byFile(result.findings);
  let next = groups.next();
  for (const { file } of result.files) {
    while (!next.done && !names.has(next.value[0])) next = groups.next();
    if (!next.done && next.value[0] === file) {
      yield { file, cases: testCases(next.value[1]) };
      next = groups.next();
    } else {
      yield { file, cases: [] };
    }
  }
}

/** How many test cases `testCases` makes of a file's findings, without making them. */
function caseCount(findings: readonly Finding[]): number {
  return new Set(findings.map(caseName)).size;
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
