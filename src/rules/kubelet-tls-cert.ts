import { effective, parseBool } from '../k8s/views/component-config.js';
import { controlPlaneCheck, flagName } from './templates/control-plane-flag.js';

/** A kubelet that bootstraps its serving certificate from the API server (serverTLSBootstrap) needs no certificate files. */
export default controlPlaneCheck<'missing'>({
  component: 'kubelet',
  check(config) {
    if (config.partial || parseBool(effective(config, 'server-tls-bootstrap').value) === true) return [];
    return ['tls-cert-file', 'tls-private-key-file']
      .filter((flag) => !effective(config, flag).value)
      .map((flag) => ({ messageId: 'missing' as const, data: { flag: flagName(config, flag) }, at: config.missingAt(flag), missing: true }));
  },
  meta: {
    id: 'kubelet-tls-cert',
    category: 'security',
    level: 'warning',
    securitySeverity: 5.0,
    presets: ['recommended', 'cis'],
    cis: '4.2.10',
    tags: ['control-plane'],
    summary:
      'The kubelet should serve a certificate signed by a known CA (tlsCertFile and tlsPrivateKeyFile, or serverTLSBootstrap: true) rather than the self-signed one it makes up, which the API server cannot verify.',
    remediation: 'Set serverTLSBootstrap: true in the KubeletConfiguration (and approve the kubelet serving CSRs), or set tlsCertFile and tlsPrivateKeyFile.',
    messages: {
      missing: '{{flag}} is not set and the serving certificate is not bootstrapped: the kubelet serves a self-signed certificate.',
    },
  },
});
