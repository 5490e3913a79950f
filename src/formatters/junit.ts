/**
 * JUnit XML as Jenkins, GitLab and Azure DevOps read it: one testsuite per file, one testcase per
 * object and rule that failed (all its findings in one failure), one passing testcase for a clean file.
 */
import type { Finding, LintResult } from '../types.js';
import type { FormatContext } from './context.js';
import { activeByFile, messageWithTemplate, objectName } from './summary.js';
import { mapped } from './json-stream.js';
import { xmlChunks, type XmlBuilder } from './xml.js';

export function formatJunit(result: LintResult, context: FormatContext): string {
  return [...junitChunks(result, context)].join('');
}

export function junitChunks(result: LintResult, _context: FormatContext): Generator<string, void> {
  const byFile = activeByFile(result.findings);
  const suites = result.files.map((file) => ({ file: file.file, cases: testCases(byFile.get(file.file) ?? []) }));
  const failures = suites.reduce((sum, suite) => sum + suite.cases.length, 0);
  const tests = suites.reduce((sum, suite) => sum + Math.max(1, suite.cases.length), 0);
  const elements = mapped(suites, (suite) => (parent: XmlBuilder) => {
    const element = parent.ele('testsuite', {
      name: suite.file,
      tests: String(Math.max(1, suite.cases.length)),
      failures: String(suite.cases.length),
      errors: '0',
      skipped: '0',
    });
    if (suite.cases.length === 0) {
      element.ele('testcase', { name: 'no problems', classname: suite.file });
      return;
    }
    for (const testCase of suite.cases) {
      const first = testCase.findings[0]!;
      element
        .ele('testcase', { name: testCase.name, classname: suite.file, file: suite.file, line: String(first.region.startLine) })
        .ele('failure', { message: first.message, type: first.level })
        .txt(testCase.findings.map(detail).join('\n'));
    }
  });
  return xmlChunks('testsuites', { name: 'kmlint', tests: String(tests), failures: String(failures), errors: '0' }, elements);
}

/** Findings grouped by object and rule, in the order they were found. */
function testCases(findings: readonly Finding[]): { name: string; findings: Finding[] }[] {
  const cases = new Map<string, { name: string; findings: Finding[] }>();
  for (const finding of findings) {
    const name = `${objectName(finding) ?? `document ${(finding.documentIndex ?? 0) + 1}`}: ${finding.ruleId}`;
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
