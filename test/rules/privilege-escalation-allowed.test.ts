import rule from '../../src/rules/privilege-escalation-allowed.js';
import { testRuleCases } from '../support/rule-tester.js';

testRuleCases(rule, {
  invalid: [
    {
      fixture: 'privilege-escalation-allowed/invalid/pod.yaml',
      errors: [
        // Unset on a plain init container: a warning at the container, where the field belongs.
        { line: 9, column: 7, endLine: 9, endColumn: 18, level: 'warning', message: 'Container "setup" does not set allowPrivilegeEscalation: false; it defaults to true.' },
        { line: 15, column: 9, endLine: 15, endColumn: 39, level: 'error', message: 'Container "app" sets allowPrivilegeEscalation: true.' },
        { line: 18, column: 26, endLine: 18, endColumn: 55, level: 'error', message: 'Container "spelled-yes" sets allowPrivilegeEscalation: true.' },
        // Unset, but privileged / CAP_SYS_ADMIN always escalate: an error at the securityContext key.
        { line: 21, column: 7, endLine: 21, endColumn: 22, level: 'error', message: 'Container "debugger" is privileged, which always allows privilege escalation.' },
        { line: 25, column: 7, endLine: 25, endColumn: 22, level: 'error', message: 'Container "admin" is granted CAP_SYS_ADMIN, which always allows privilege escalation.' },
        { line: 33, column: 7, level: 'warning', message: 'Container "debug" does not set allowPrivilegeEscalation: false; it defaults to true.' },
      ],
    },
    {
      fixture: 'privilege-escalation-allowed/invalid/quoted-false.yaml',
      errors: [{ line: 19, column: 13, level: 'error', message: /"app" is granted CAP_SYS_ADMIN/ }],
    },
  ],
});
