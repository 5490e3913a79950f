import { defineRule } from '../engine/define-rule.js';

/**
 * A Namespace the input creates, and deploys workloads into, without a ResourceQuota or LimitRange in the
 * input: nothing bounds what its pods may request. Only namespaces the input declares are judged (a
 * namespace made elsewhere gets its quotas elsewhere).
 */
export default defineRule<'missing'>({
  meta: {
    id: 'namespace-missing-quota',
    category: 'efficiency',
    level: 'note',
    presets: [],
    crossObject: true,
    kinds: ['namespaces'],
    summary: 'A Namespace that the input creates and deploys workloads into should come with a ResourceQuota or LimitRange.',
    remediation: 'Add a ResourceQuota (and a LimitRange for defaults) to the namespace.',
    messages: {
      missing: 'Namespace "{{name}}" receives workloads but has no ResourceQuota or LimitRange in the input.',
    },
  },
  create(context) {
    return {
      object(object) {
        if (object.name === undefined) return;
        // The record's own location is where its name is written.
        context.watch();
      },
    };
  },
  checkIndex(index, context) {
    for (const watch of context.watched) {
      // Only named Namespaces are watched.
      const name = watch.record.name!;
      // Once per namespace: copies of a Namespace object would each read every object of it.
      const unbounded = index.ruleMemo(`pods-without-quota:${name}`, () => {
        const inside = index.inNamespace(name);
        return inside.some((record) => record.pods.length > 0) && !inside.some((record) => record.group === '' && (record.kind === 'ResourceQuota' || record.kind === 'LimitRange'));
      });
      if (!unbounded) continue;
      context.report({ messageId: 'missing', data: { name }, at: watch.record.at }, watch);
    }
  },
});
