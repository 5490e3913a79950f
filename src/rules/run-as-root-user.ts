import { userNamespaceExempt } from '../k8s/pss.js';
import { writtenSettingRule } from './templates/written-setting.js';

/** As the reference: a written runAsUser: 0 fails wherever it is set; pods with hostUsers: false are exempt from 1.35. */
export default writtenSettingRule(
  {
    id: 'run-as-root-user',
    category: 'security',
    level: 'error',
    securitySeverity: 7.0,
    presets: ['recommended', 'pss-restricted', 'cis'],
    pss: { profile: 'restricted', control: 'Running as Non-root user' },
    cis: '5.2.7',
    summary:
      'Pods and containers must not set runAsUser: 0, which runs the process as root whatever the image says; pods with hostUsers: false (a user namespace) are exempt from Kubernetes 1.35.',
    remediation: 'Set runAsUser to a non-zero user id (and runAsNonRoot: true), or remove it so the image\'s non-root user applies.',
    messages: {
      pod: 'The pod sets runAsUser: 0: its containers run as root.',
      container: 'Container "{{container}}" sets runAsUser: 0: it runs as root.',
    },
  },
  {
    field: ['runAsUser'],
    check: (value) => (value === 0 ? {} : undefined),
    podMessageId: 'pod',
    containerMessageId: 'container',
    skip: (pod, settings) => userNamespaceExempt(pod, settings.kubeVersion),
  },
);
