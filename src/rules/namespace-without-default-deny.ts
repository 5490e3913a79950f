import { defineRule } from '../engine/define-rule.js';
import type { IndexedObject } from '../k8s/object-index.js';
import { type Direction, isDefaultDeny, isFirstOf, networkPolicies, SYSTEM_NAMESPACES } from '../k8s/views/network-policy.js';

/**
 * Namespaces declared in the input. When the run holds no NetworkPolicy and is not known to be complete,
 * it says so once (a note on the first Namespace) rather than once per namespace.
 */
export default defineRule<'missing' | 'noPolicies'>({
  meta: {
    id: 'namespace-without-default-deny',
    category: 'security',
    level: 'warning',
    securitySeverity: 5.0,
    presets: ['cis'],
    cis: '5.3.2',
    tags: ['network-policy'],
    kinds: ['namespaces'],
    crossObject: true,
    summary:
      'Every namespace should have a default-deny NetworkPolicy (podSelector: {} with no rules) for ingress and egress, so a new workload is isolated until a policy allows its traffic.',
    remediation: 'Add a NetworkPolicy with podSelector: {}, policyTypes: [Ingress, Egress] and no rules to the namespace, then allow each workload\'s traffic explicitly.',
    messages: {
      missing: 'Namespace "{{name}}" has no default-deny NetworkPolicy for {{directions}}.',
      noPolicies: 'The input holds no NetworkPolicy, so no namespace in it denies traffic by default; lint the policies together with the namespaces, or run with --complete to have each namespace reported.',
    },
  },
  create(context) {
    return {
      object(object) {
        const name = object.name;
        if (name === undefined || SYSTEM_NAMESPACES.has(name)) return;
        // The record's own location is where its name is written.
        context.watch();
      },
    };
  },
  checkIndex(index, context) {
    const qualifies = (record: IndexedObject) => record.kind === 'Namespace' && record.group === '' && !SYSTEM_NAMESPACES.has(record.name ?? '');
    for (const watch of context.watched) {
      // Only named Namespaces are watched.
      const name = watch.record.name!;
      const { at } = watch.record;
      if (networkPolicies(index).length === 0 && !index.complete) {
        if (isFirstOf(index, at, qualifies, 'namespace-without-default-deny')) context.report({ messageId: 'noPolicies', data: { name }, at, level: 'note' }, watch);
        continue;
      }
      const policies = networkPolicies(index, name);
      // Once per namespace: copies of a Namespace object would each read every policy of it.
      const missing = index.ruleMemo(`default-deny-missing:${name}`, () => (['Ingress', 'Egress'] as Direction[]).filter((direction) => !policies.some((policy) => isDefaultDeny(policy.value, direction))));
      if (missing.length === 0) continue;
      const related = policies.map((policy) => ({ at: policy.at, message: `NetworkPolicy "${policy.name ?? ''}" is not a default-deny policy for ${missing.join(' and ').toLowerCase()}.` }));
      context.report({ messageId: 'missing', data: { name, directions: missing.join(' and ').toLowerCase() }, at, related }, watch);
    }
  },
});
