import { strongCipherSuites } from './templates/control-plane-gate.js';

export default strongCipherSuites('kubelet', {
  id: 'kubelet-weak-tls-ciphers',
  category: 'security',
  level: 'warning',
  securitySeverity: 4.0,
  presets: ['recommended', 'cis'],
  cis: '4.2.13',
  tags: ['control-plane'],
  summary:
    'The kubelet should offer only strong TLS cipher suites (tlsCipherSuites, --tls-cipher-suites, limited to AEAD suites with forward secrecy); left unset it also offers CBC suites.',
  remediation:
    'Set tlsCipherSuites in the KubeletConfiguration to TLS_ECDHE_ECDSA_WITH_AES_128_GCM_SHA256, TLS_ECDHE_RSA_WITH_AES_128_GCM_SHA256, TLS_ECDHE_ECDSA_WITH_AES_256_GCM_SHA384, TLS_ECDHE_RSA_WITH_AES_256_GCM_SHA384, TLS_ECDHE_ECDSA_WITH_CHACHA20_POLY1305 and TLS_ECDHE_RSA_WITH_CHACHA20_POLY1305.',
  messages: {
    set: '{{flag}} offers weak cipher suites: {{suites}}.',
    missing: '{{flag}} is not set: the kubelet offers the default suites, CBC suites included.',
  },
});
