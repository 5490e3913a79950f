import { knownComponentRule } from './templates/known-component.js';

export default knownComponentRule(
  {
    id: 'kubernetes-dashboard-deployed',
    category: 'security',
    level: 'warning',
    securitySeverity: 5.0,
    presets: ['recommended'],
    summary: 'Workloads should not deploy the Kubernetes Dashboard, a web console often exposed with broad rights and a frequent way into clusters.',
    remediation: 'Remove the Dashboard, or keep it reachable only through kubectl proxy with each user\'s own token and no service-account rights of its own.',
    messages: {
      image: 'Container "{{container}}" runs the Kubernetes Dashboard ({{image}}).',
      label: 'The pod is labelled as the Kubernetes Dashboard ({{label}}).',
    },
  },
  {
    repository: (repository) => repository.startsWith('kubernetesui/dashboard') || repository.split('/').at(-1)!.includes('kubernetes-dashboard'),
    labels: { app: ['kubernetes-dashboard'], 'k8s-app': ['kubernetes-dashboard'], 'app.kubernetes.io/name': ['kubernetes-dashboard'] },
  },
);
