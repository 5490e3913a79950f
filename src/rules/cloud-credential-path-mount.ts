import { hostPathMatchRule } from './templates/host-path-match.js';

/** Where cloud CLIs and the cloud providers' node integrations keep credentials. */
const CLOUD_CREDENTIALS = [/\/\.aws(\/|$)/, /\/\.azure(\/|$)/, /\/\.config\/gcloud(\/|$)/, /^\/etc\/kubernetes\/(azure\.json|cloud-config|cloud\.conf|gce\.conf)$/, /^\/etc\/gcp(\/|$)/, /^\/var\/lib\/kubelet\/(cloud-config|azure\.json)$/];

export default hostPathMatchRule(
  {
    id: 'cloud-credential-path-mount',
    category: 'security',
    level: 'warning',
    securitySeverity: 5.0,
    presets: ['recommended'],
    summary: 'Pods should not mount node files that hold cloud credentials (~/.aws, ~/.azure, ~/.config/gcloud, /etc/kubernetes/azure.json, the cloud provider config).',
    remediation: 'Give the workload its own cloud identity (IRSA, Workload Identity, Azure Workload Identity) instead of the node\'s credentials.',
    messages: {
      mount: 'Volume "{{volume}}" mounts the node path "{{path}}", where cloud credentials are kept.',
    },
  },
  (nodePath) => CLOUD_CREDENTIALS.some((pattern) => pattern.test(nodePath)),
);
