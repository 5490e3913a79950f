import rule from '../../src/rules/host-path-volume.js';
import { testRuleCases } from '../support/rule-tester.js';

const logShipper = { allowedPaths: ['/var/log', '/var/lib/docker/containers/'] };

testRuleCases(rule, {
  valid: [{ fixture: 'host-path-volume/options/log-shipper.yaml', options: logShipper }],
  invalid: [
    {
      fixture: 'host-path-volume/invalid/pod.yaml',
      errors: [
        // A block value's span ends where the engine ends block nodes; only its start is promised here.
        { line: 15, column: 7, level: 'error', message: 'Volume "logs" mounts the node path "/var/log".' },
        { line: 21, column: 7, endLine: 21, endColumn: 61, level: 'error', message: 'Volume "sock" mounts the node path "/var/run/docker.sock".' },
      ],
    },
    {
      fixture: 'host-path-volume/invalid/edge-cases.yaml',
      errors: [{ line: 21, column: 11, level: 'error', message: 'Volume "data" is a hostPath volume without a path.' }],
    },
    {
      fixture: 'host-path-volume/options/outside-allowed.yaml',
      options: logShipper,
      errors: [{ line: 14, column: 7, message: 'Volume "traversal" mounts the node path "/var/log/../../etc".' }],
    },
  ],
});
