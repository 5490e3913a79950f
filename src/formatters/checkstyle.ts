/** Checkstyle XML: one `<file>` per file with findings, one `<error>` per finding. */
import type { Finding, LintResult } from '../types.js';
import type { FormatContext } from './context.js';
import { activeByFile, messageWithTemplate } from './summary.js';
import { serialize, xmlDocument } from './xml.js';

const SEVERITY: Record<Finding['level'], string> = { error: 'error', warning: 'warning', note: 'info' };

export function formatCheckstyle(result: LintResult, _context: FormatContext): string {
  const doc = xmlDocument();
  const root = doc.ele('checkstyle', { version: '4.3' });
  for (const [file, findings] of activeByFile(result.findings)) {
    const element = root.ele('file', { name: file });
    for (const finding of findings) {
      element.ele('error', {
        line: String(finding.region.startLine),
        column: String(finding.region.startColumn),
        severity: SEVERITY[finding.level],
        message: messageWithTemplate(finding),
        source: `kmlint.${finding.ruleId}`,
      });
    }
  }
  return serialize(doc);
}
