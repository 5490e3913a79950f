/**
 * Templates on top of control-plane-flag for two shapes that recur between components: a feature gate
 * turned off (RotateKubeletServerCertificate), and TLS cipher suites outside the strong set.
 */
import type { RuleMeta } from '../../engine/define-rule.js';
import { effective, featureGate, type Component } from '../../k8s/views/component-config.js';
import { weakCipherSuites } from '../../k8s/views/flag-values.js';
import { controlPlaneCheck, flagName } from './control-plane-flag.js';

/** The gate is on by default (beta since 1.12): only a written `false` is a finding, at the gate. */
export function rotateServerCertificateGate(component: Component, meta: RuleMeta<'set', Record<string, never>>) {
  return controlPlaneCheck<'set'>({
    meta,
    component,
    check(config) {
      const gate = featureGate(config, 'RotateKubeletServerCertificate');
      if (!gate || gate.enabled) return [];
      return [{ messageId: 'set', data: { flag: config.form === 'kubelet-config' ? 'featureGates' : '--feature-gates' }, at: gate.setting.path }];
    },
  });
}

/** Unset, the component offers Go's default suites, which include CBC suites: the benchmark asks for an explicit strong list. */
export function strongCipherSuites(component: Component, meta: RuleMeta<'set' | 'missing', Record<string, never>>) {
  return controlPlaneCheck<'set' | 'missing'>({
    meta,
    component,
    check(config) {
      const { setting } = effective(config, 'tls-cipher-suites');
      const flag = flagName(config, 'tls-cipher-suites');
      if (!setting) return config.partial ? [] : [{ messageId: 'missing', data: { flag }, at: config.missingAt('tls-cipher-suites'), missing: true }];
      const weak = weakCipherSuites(setting.value);
      return weak.length === 0 ? [] : [{ messageId: 'set', data: { flag, suites: weak.join(', ') }, at: setting.path }];
    },
  });
}
