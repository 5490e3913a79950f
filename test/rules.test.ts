/** Every rule of the registry against its fixtures (test/manifests/<rule-id>/): one generated suite. */
import { rules } from '../src/rules/index.js';
import { testRuleFixtures } from './support/rule-tester.js';

for (const rule of rules) {
  const visitors = rule.create({
    options: rule.meta.defaultOptions ?? {},
    settings: { kubeVersion: '1.36', namespace: 'default', presets: ['all'], complete: false },
    report: () => undefined,
    locate: () => {
      throw new Error('not in a visitor');
    },
    afterIndex: () => undefined,
        tally: () => undefined,
  });
  // Rules the engine reports itself (syntax errors, suppression notes) have no visitors and no fixtures.
  if (Object.keys(visitors).length > 0) testRuleFixtures(rule);
}
