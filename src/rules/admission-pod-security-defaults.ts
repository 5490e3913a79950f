import { defineRule } from '../engine/define-rule.js';
import { DEFAULT_EXEMPT_NAMESPACES, exemptNamespaces, exemptNamespacesSchema, type ExemptNamespacesOptions } from '../k8s/views/pod-security-exemptions.js';
import { isObject, isString, listAt, objectItems } from '../k8s/json.js';

export default defineRule<'notConfigured' | 'weakEnforce' | 'exemptNamespace', ExemptNamespacesOptions>({
  meta: {
    id: 'admission-pod-security-defaults',
    category: 'security',
    level: 'warning',
    securitySeverity: 5.0,
    presets: ['recommended', 'cis'],
    cis: '5.2.1',
    tags: ['control-plane'],
    kinds: ['apiserver.config.k8s.io/AdmissionConfiguration', 'apiserver.k8s.io/AdmissionConfiguration'],
    summary:
      'The PodSecurity admission configuration should enforce at least the baseline level by default and exempt no namespace but kube-system: namespaces without an enforce label are otherwise admitted with no restriction.',
    remediation: 'Set defaults.enforce to baseline or restricted in the PodSecurity plugin configuration and keep exemptions.namespaces to kube-system.',
    messages: {
      notConfigured: 'The admission configuration does not configure PodSecurity: namespaces without a label enforce privileged.',
      weakEnforce: 'PodSecurity enforces level {{level}} by default: namespaces without a label are not restricted.',
      exemptNamespace: 'Namespace "{{namespace}}" is exempt from Pod Security admission.',
    },
    options: exemptNamespacesSchema(
      'Namespaces that may be exempt from Pod Security admission (kube-system by default).',
    ),
    defaultOptions: DEFAULT_EXEMPT_NAMESPACES,
  },
  create(context) {
    const allowed = exemptNamespaces(context.options);
    return {
      object(object) {
        const plugin = [...objectItems(object.value, ['plugins'])].find((item) => item.value.name === 'PodSecurity');
        if (!plugin) {
          context.report({ messageId: 'notConfigured', at: [...object.path, 'plugins'], missing: true });
          return;
        }
        const configuration = plugin.value.configuration;
        // A configuration kept in another file (`path`) is not in the input.
        if (!isObject(configuration)) return;
        const base = [...object.path, ...plugin.path, 'configuration'];
        const enforce = isObject(configuration.defaults) ? configuration.defaults.enforce : undefined;
        if (!isString(enforce) || enforce === 'privileged') {
          context.report({ messageId: 'weakEnforce', data: { level: isString(enforce) ? enforce : 'privileged (the default)' }, at: [...base, 'defaults', 'enforce'], missing: !isString(enforce) });
        }
        listAt(configuration, ['exemptions', 'namespaces']).forEach((namespace, index) => {
          if (isString(namespace) && !allowed.has(namespace)) context.report({ messageId: 'exemptNamespace', data: { namespace }, at: [...base, 'exemptions', 'namespaces', index] });
        });
      },
    };
  },
});
