import { lowIdOptions, lowIdRule } from './templates/low-id.js';

/** Unset is not judged here (missing-run-as-non-root covers an image that may run as root). */
export default lowIdRule(
  {
    id: 'low-user-id',
    category: 'security',
    level: 'note',
    securitySeverity: 2.0,
    presets: [],
    summary:
      'Containers should run with a runAsUser of at least 10000 (configurable), above the ids a node gives its own accounts, so a process that escapes the container owns nothing on the node.',
    remediation: 'Set runAsUser to a user id of 10000 or more.',
    messages: {
      pod: 'The pod sets runAsUser: {{id}}, below {{minimum}}, which its containers inherit.',
      container: 'Container "{{container}}" sets runAsUser: {{id}}, below {{minimum}}.',
    },
    ...lowIdOptions('user'),
  },
  'runAsUser',
);
