import rule from '../../src/rules/resources-outside-bounds.js';
import { testRuleCases } from '../support/rule-tester.js';

testRuleCases(rule, {
  valid: [
    // The same values pass once the bounds allow them: the findings come from the bounds, not the values.
    { fixture: 'resources-outside-bounds/invalid/cpu-and-memory.yaml', options: { cpu: { requests: { min: '10m', max: 5 } }, memory: { limits: { max: '9000Mi' } } } },
  ],
  invalid: [
    {
      fixture: 'resources-outside-bounds/invalid/cpu-and-memory.yaml',
      errors: [
        { line: 12, column: 11, endColumn: 19, level: 'note', message: 'Container "migrate" requests 50m cpu, below the minimum of 100m.' },
        { line: 18, column: 11, message: 'Container "api" requests 4500m cpu, above the maximum of 4.' },
        { line: 21, column: 11, message: 'Container "api" is limited to 9000Mi memory, above the maximum of 8Gi.' },
      ],
    },
  ],
});
