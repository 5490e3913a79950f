/** Checkstyle XML: one `<file>` per file with findings, one `<error>` per finding. */
import type { Finding } from '../types.js';
import type { FormatContext } from './context.js';
import type { FormatInput } from './index.js';
import { mapped } from './json-stream.js';
import { byFile, messageWithTemplate } from './summary.js';
import { element, xmlChunks, type XmlElement } from './xml.js';

const SEVERITY: Record<Finding['level'], string> = { error: 'error', warning: 'warning', note: 'info' };

export function formatCheckstyle(result: FormatInput, context: FormatContext): string {
  return [...checkstyleChunks(result, context)].join('');
}

export function checkstyleChunks(result: FormatInput, _context: FormatContext): Generator<string, void> {
  const files = mapped(byFile(result.findings), ([file, findings]): XmlElement =>
    element(
      'file',
      { name: file },
      findings.map((finding) =>
        element('error', {
          line: String(finding.region.startLine),
          column: String(finding.region.startColumn),
          severity: SEVERITY[finding.level],
          message: messageWithTemplate(finding),
          source: `kmlint.${finding.ruleId}`,
        }),
      ),
    ),
  );
  return xmlChunks('checkstyle', { version: '4.3' }, files);
}
