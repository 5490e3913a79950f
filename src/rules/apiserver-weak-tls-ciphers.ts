import { strongCipherSuites } from './templates/control-plane-gate.js';

export default strongCipherSuites('kube-apiserver', {
  id: 'apiserver-weak-tls-ciphers',
  category: 'security',
  level: 'warning',
  securitySeverity: 4.0,
  presets: ['recommended', 'cis'],
  cis: '1.2.32',
  tags: ['control-plane'],
  summary:
    'The API server should offer only strong TLS cipher suites (--tls-cipher-suites limited to AEAD suites with forward secrecy); left unset it also offers CBC suites.',
  remediation:
    'Set --tls-cipher-suites=TLS_ECDHE_ECDSA_WITH_AES_128_GCM_SHA256,TLS_ECDHE_RSA_WITH_AES_128_GCM_SHA256,TLS_ECDHE_ECDSA_WITH_AES_256_GCM_SHA384,TLS_ECDHE_RSA_WITH_AES_256_GCM_SHA384,TLS_ECDHE_ECDSA_WITH_CHACHA20_POLY1305,TLS_ECDHE_RSA_WITH_CHACHA20_POLY1305.',
  messages: {
    set: '{{flag}} offers weak cipher suites: {{suites}}.',
    missing: '{{flag}} is not set: the API server offers the default suites, CBC suites included.',
  },
});
