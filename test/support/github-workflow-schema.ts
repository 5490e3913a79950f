/**
 * The workflow syntax GitHub documents ("Workflow syntax for GitHub Actions",
 * docs.github.com/actions/reference/workflows-and-actions/workflow-syntax, and "Controlling permissions
 * for GITHUB_TOKEN") as a JSON Schema, for the keys kmlint's workflows use and their neighbours.
 * actionlint is not in the Debian or npm registries, so this stands in for it. Unknown keys are errors,
 * as they are for GitHub.
 */
const PERMISSION_SCOPES = [
  'actions', 'attestations', 'checks', 'contents', 'deployments', 'discussions', 'id-token', 'issues', 'models',
  'packages', 'pages', 'pull-requests', 'repository-projects', 'security-events', 'statuses',
];

const stringOrExpression = { type: 'string', minLength: 1 };

const permissions = {
  oneOf: [
    { enum: ['read-all', 'write-all'] },
    { type: 'object', additionalProperties: false, propertyNames: { enum: PERMISSION_SCOPES }, patternProperties: { '': { enum: ['read', 'write', 'none'] } } },
  ],
};

const env = { type: 'object', additionalProperties: { type: ['string', 'number', 'boolean'] } };

const step = {
  type: 'object',
  additionalProperties: false,
  properties: {
    id: { type: 'string', pattern: '^[A-Za-z_][A-Za-z0-9_-]*$' },
    if: { type: ['string', 'boolean'] },
    name: stringOrExpression,
    // owner/repo[/path]@ref, ./local, or docker://image
    uses: { type: 'string', pattern: '^(\\./.+|docker://.+|[\\w.-]+/[\\w.-]+(/[^@]+)?@[\\w./-]+)$' },
    run: stringOrExpression,
    'working-directory': stringOrExpression,
    shell: stringOrExpression,
    with: { type: 'object', additionalProperties: { type: ['string', 'number', 'boolean'] } },
    env,
    'continue-on-error': { type: ['boolean', 'string'] },
    'timeout-minutes': { type: ['number', 'string'] },
  },
  oneOf: [{ required: ['uses'], not: { required: ['run'] } }, { required: ['run'], not: { required: ['uses'] } }],
};

const job = {
  type: 'object',
  additionalProperties: false,
  required: ['runs-on', 'steps'],
  properties: {
    name: stringOrExpression,
    needs: { type: ['string', 'array'] },
    'runs-on': { type: ['string', 'array', 'object'] },
    permissions,
    environment: { type: ['string', 'object'] },
    concurrency: { type: ['string', 'object'] },
    outputs: { type: 'object' },
    env,
    defaults: { type: 'object' },
    if: { type: ['string', 'boolean'] },
    'timeout-minutes': { type: ['number', 'string'] },
    'continue-on-error': { type: ['boolean', 'string'] },
    strategy: {
      type: 'object',
      additionalProperties: false,
      properties: { matrix: { type: ['object', 'string'] }, 'fail-fast': { type: ['boolean', 'string'] }, 'max-parallel': { type: ['number', 'string'] } },
    },
    container: { type: ['string', 'object'] },
    services: { type: 'object' },
    steps: { type: 'array', minItems: 1, items: step },
  },
};

export const WORKFLOW_SCHEMA = {
  type: 'object',
  additionalProperties: false,
  required: ['on', 'jobs'],
  properties: {
    name: { type: 'string' },
    'run-name': { type: 'string' },
    on: { type: ['string', 'array', 'object'] },
    permissions,
    env,
    defaults: { type: 'object' },
    concurrency: {
      oneOf: [{ type: 'string' }, { type: 'object', required: ['group'], additionalProperties: false, properties: { group: { type: 'string' }, 'cancel-in-progress': { type: ['boolean', 'string'] } } }],
    },
    jobs: { type: 'object', minProperties: 1, propertyNames: { pattern: '^[A-Za-z_][A-Za-z0-9_-]*$' }, additionalProperties: job },
  },
};

/** Dependabot's documented keys (docs.github.com/code-security/dependabot/working-with-dependabot/dependabot-options-reference). */
export const DEPENDABOT_SCHEMA = {
  type: 'object',
  additionalProperties: false,
  required: ['version', 'updates'],
  properties: {
    version: { const: 2 },
    updates: {
      type: 'array',
      minItems: 1,
      items: {
        type: 'object',
        required: ['package-ecosystem', 'schedule'],
        anyOf: [{ required: ['directory'] }, { required: ['directories'] }],
        properties: {
          'package-ecosystem': { enum: ['bundler', 'cargo', 'composer', 'devcontainers', 'docker', 'docker-compose', 'dotnet-sdk', 'elm', 'github-actions', 'gitsubmodule', 'gomod', 'gradle', 'helm', 'maven', 'mix', 'npm', 'nuget', 'pip', 'pub', 'swift', 'terraform', 'uv'] },
          directory: { type: 'string' },
          schedule: { type: 'object', required: ['interval'], properties: { interval: { enum: ['daily', 'weekly', 'monthly', 'quarterly', 'semiannually', 'yearly', 'cron'] } } },
          groups: { type: 'object' },
          'open-pull-requests-limit': { type: 'integer', minimum: 0 },
        },
      },
    },
  },
};
