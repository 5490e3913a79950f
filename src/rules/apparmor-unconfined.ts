import { APPARMOR_ANNOTATION_PREFIX } from '../k8s/pod-view.js';
import { unconfinedProfileRule } from './templates/unconfined-profile.js';

/** As the reference: the annotation may be empty, `runtime/default` or `localhost/<profile>`. */
function allowedAnnotation(value: string): boolean {
  return value === '' || value === 'runtime/default' || value.startsWith('localhost/');
}

export default unconfinedProfileRule(
  {
    id: 'apparmor-unconfined',
    category: 'security',
    level: 'error',
    securitySeverity: 6.0,
    presets: ['recommended', 'pss-baseline', 'pss-restricted'],
    pss: { profile: 'baseline', control: 'AppArmor' },
    summary:
      'Pods and containers must not turn AppArmor off: appArmorProfile.type must be RuntimeDefault or Localhost, and the legacy container.apparmor.security.beta.kubernetes.io annotation runtime/default or localhost/<profile>.',
    remediation: 'Set appArmorProfile.type to RuntimeDefault (or Localhost with a profile), or remove the setting so the runtime default applies.',
    messages: {
      pod: 'The pod sets appArmorProfile.type "{{type}}": its containers run without AppArmor confinement.',
      container: 'Container "{{container}}" sets appArmorProfile.type "{{type}}": it runs without AppArmor confinement.',
      annotation: 'The annotation "{{annotation}}" is "{{value}}": the container runs without the runtime\'s AppArmor profile.',
    },
  },
  {
    field: 'appArmorProfile',
    badAnnotation: (key, value) => key.startsWith(APPARMOR_ANNOTATION_PREFIX) && !allowedAnnotation(value),
  },
);
