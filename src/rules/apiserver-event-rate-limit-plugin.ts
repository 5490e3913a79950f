import { pluginState } from '../k8s/views/admission-plugins.js';
import { effective } from '../k8s/views/component-config.js';
import { objectItems } from '../k8s/json.js';
import { controlPlaneCheck } from './templates/control-plane-flag.js';

/** The plugin refuses to start without its configuration, so "configured" means enabled and given an admission configuration file. */
export default controlPlaneCheck<'set' | 'missing' | 'noConfig' | 'notInFile'>({
  component: 'kube-apiserver',
  // The admission configuration the flag names, when the input holds it, must configure the plugin.
  linked: {
    flag: 'admission-control-config-file',
    kinds: ['apiserver.config.k8s.io/AdmissionConfiguration', 'apiserver.k8s.io/AdmissionConfiguration'],
    check(file, config, settings) {
      if (!pluginState(config, 'EventRateLimit', settings.kubeVersion).enabled) return undefined;
      const configured = [...objectItems(file.value, ['plugins'])].some((plugin) => plugin.value.name === 'EventRateLimit');
      return configured ? undefined : { messageId: 'notInFile', note: 'The AdmissionConfiguration the flag names.' };
    },
  },
  check(config, settings) {
    const state = pluginState(config, 'EventRateLimit', settings.kubeVersion);
    if (!state.enabled) {
      if (state.decidedBy) return [{ messageId: 'set', data: { flag: `--${state.decidedBy.name}` }, at: state.decidedBy.path }];
      return config.partial ? [] : [{ messageId: 'missing', at: config.missingAt('enable-admission-plugins'), missing: true }];
    }
    const file = effective(config, 'admission-control-config-file');
    if (file.value) return [];
    return [{ messageId: 'noConfig', at: state.decidedBy?.path ?? config.missingAt('admission-control-config-file'), missing: !state.decidedBy }];
  },
  meta: {
    id: 'apiserver-event-rate-limit-plugin',
    category: 'security',
    level: 'warning',
    securitySeverity: 4.0,
    presets: ['recommended', 'cis'],
    cis: '1.2.10',
    tags: ['control-plane'],
    crossObject: true,
    summary:
      'The API server should limit the rate of events with the EventRateLimit admission plugin, configured in an AdmissionConfiguration: a flood of events can otherwise overload the API server and etcd.',
    remediation:
      'Add EventRateLimit to --enable-admission-plugins and set --admission-control-config-file to an AdmissionConfiguration with an EventRateLimit configuration.',
    messages: {
      set: '{{flag}} leaves out the EventRateLimit admission plugin: events are not rate limited.',
      missing: 'The EventRateLimit admission plugin is not enabled (it is off by default): events are not rate limited.',
      noConfig: 'EventRateLimit is enabled without --admission-control-config-file: the plugin has no limits to apply and the API server refuses to start.',
      notInFile: '{{flag}} names an AdmissionConfiguration without an EventRateLimit entry: the API server refuses to start the plugin.',
    },
  },
});
