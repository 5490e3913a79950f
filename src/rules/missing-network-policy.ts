import { networkPolicyCoverage } from './templates/network-policy-coverage.js';

export default networkPolicyCoverage({
  direction: 'Ingress',
  meta: {
    id: 'missing-network-policy',
    category: 'security',
    level: 'warning',
    securitySeverity: 5.0,
    presets: ['recommended', 'cis'],
    cis: '5.3.2',
    tags: ['network-policy'],
    summary:
      'Every workload should be selected by a NetworkPolicy of its namespace for ingress: pods that no policy selects accept connections from every pod of the cluster.',
    remediation: 'Add a NetworkPolicy whose podSelector selects the workload (or a default-deny policy with podSelector: {}) and allow only the sources it serves.',
    messages: {
      unselected: 'No NetworkPolicy of namespace "{{namespace}}" selects the pods of {{kind}} "{{name}}" for {{direction}}: every pod of the cluster can connect to them.',
      noPolicies:
        'The input holds no NetworkPolicy, so no workload in it is isolated for {{direction}}; lint the policies together with the workloads, or run with --complete to have each workload reported.',
    },
  },
});
