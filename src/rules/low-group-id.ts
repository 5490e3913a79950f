import { lowIdOptions, lowIdRule } from './templates/low-id.js';

export default lowIdRule(
  {
    id: 'low-group-id',
    category: 'security',
    level: 'note',
    securitySeverity: 2.0,
    presets: [],
    summary:
      'Containers should run with a runAsGroup of at least 10000 (configurable), above the ids a node gives its own groups, so a process that escapes the container shares no group with node files.',
    remediation: 'Set runAsGroup to a group id of 10000 or more.',
    messages: {
      pod: 'The pod sets runAsGroup: {{id}}, below {{minimum}}, which its containers inherit.',
      container: 'Container "{{container}}" sets runAsGroup: {{id}}, below {{minimum}}.',
    },
    ...lowIdOptions('group'),
  },
  'runAsGroup',
);
