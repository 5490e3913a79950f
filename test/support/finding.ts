/** A finding as the engine makes them, for tests of what consumes findings (formatters, the Action, redaction). */
import type { Finding } from '../../src/types.js';

export function finding(overrides: Partial<Finding> = {}): Finding {
  return {
    ruleId: 'image-tag-latest',
    level: 'warning',
    message: 'Container app uses image nginx:latest.',
    file: 'deploy/web.yaml',
    region: { startLine: 21, startColumn: 18, endLine: 21, endColumn: 30 },
    path: ['spec', 'template', 'spec', 'containers', 0, 'image'],
    fingerprint: 'fp',
    helpUri: 'https://kmlint.example/rules/image-tag-latest',
    ...overrides,
  };
}
