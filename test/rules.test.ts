/** Every rule of the registry against its fixtures (test/manifests/<rule-id>/): one generated suite. */
import { rules } from '../src/rules/index.js';
import { hasVisitors, testRuleFixtures } from './support/rule-tester.js';

// Rules the engine reports itself (syntax errors, suppression notes) have no visitors and no fixtures.
for (const rule of rules) if (hasVisitors(rule)) testRuleFixtures(rule);
