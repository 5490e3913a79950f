import { knownComponentRule } from './templates/known-component.js';

/** Helm 2's server side: it answers anyone who reaches it with cluster-wide rights. */
export default knownComponentRule(
  {
    id: 'tiller-deployed',
    category: 'security',
    level: 'warning',
    securitySeverity: 7.0,
    presets: ['recommended'],
    summary: 'Workloads should not deploy Tiller, the server of Helm 2 (end of life since 2020), which installs anything for anyone who reaches its port, usually with cluster-admin rights.',
    remediation: 'Remove Tiller and use Helm 3, which has no server component.',
    messages: {
      image: 'Container "{{container}}" runs Tiller ({{image}}).',
      label: 'The pod is labelled as Tiller ({{label}}).',
    },
  },
  {
    repository: (repository) => repository.split('/').at(-1) === 'tiller',
    labels: { name: ['tiller'], app: ['helm'] },
  },
);
