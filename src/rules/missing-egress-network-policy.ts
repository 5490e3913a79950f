import { networkPolicyCoverage } from './templates/network-policy-coverage.js';

export default networkPolicyCoverage({
  direction: 'Egress',
  meta: {
    id: 'missing-egress-network-policy',
    category: 'security',
    level: 'warning',
    securitySeverity: 4.0,
    presets: [],
    tags: ['network-policy'],
    summary:
      'Every workload should be selected by a NetworkPolicy of its namespace for egress: pods that no policy selects can reach every address, the cloud metadata service and the API server included.',
    remediation: 'Add a NetworkPolicy with policyTypes: [Egress] that selects the workload (or a default-deny egress policy) and allow only the destinations it needs, DNS included.',
    messages: {
      unselected: 'No NetworkPolicy of namespace "{{namespace}}" selects the pods of {{kind}} "{{name}}" for {{direction}}: they can connect to any address.',
      noPolicies:
        'The input holds no NetworkPolicy, so no workload in it is limited for {{direction}}; lint the policies together with the workloads, or run with --complete to have each workload reported.',
    },
  },
});
