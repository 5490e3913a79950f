import { atLeast } from '../k8s/pss.js';
import { unconfinedProfileRule } from './templates/unconfined-profile.js';

const POD_ANNOTATION = 'seccomp.security.alpha.kubernetes.io/pod';
const CONTAINER_ANNOTATION_PREFIX = 'container.seccomp.security.alpha.kubernetes.io/';

/**
 * As the reference: a seccomp profile type other than RuntimeDefault or Localhost, wherever written. The
 * legacy annotations are judged only for versions before 1.19, where the fields did not exist yet.
 */
export default unconfinedProfileRule(
  {
    id: 'seccomp-unconfined',
    category: 'security',
    level: 'error',
    securitySeverity: 7.0,
    presets: ['recommended', 'pss-baseline', 'pss-restricted'],
    pss: { profile: 'baseline', control: 'Seccomp' },
    summary:
      'Pods and containers must not turn seccomp off: a seccompProfile.type other than RuntimeDefault or Localhost (Unconfined) lets the container call every system call of the node kernel.',
    remediation: 'Set seccompProfile.type to RuntimeDefault (or Localhost with a profile), or remove it and set RuntimeDefault at the pod level.',
    messages: {
      pod: 'The pod sets seccompProfile.type "{{type}}": its containers run without a seccomp filter.',
      container: 'Container "{{container}}" sets seccompProfile.type "{{type}}": it runs without a seccomp filter.',
      annotation: 'The annotation "{{annotation}}" is "{{value}}": it turns seccomp off.',
    },
  },
  {
    field: 'seccompProfile',
    badAnnotation: (key, value, settings) =>
      !atLeast(settings.kubeVersion, '1.19') && (key === POD_ANNOTATION || key.startsWith(CONTAINER_ANNOTATION_PREFIX)) && value === 'unconfined',
  },
);
