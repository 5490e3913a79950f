/**
 * The dangerous permissions of the RBAC rules, in one table: the Role rules report them where they are
 * granted, and the binding and workload rules evaluate the same table through `effectiveRules`.
 */
import { allows, grantedResources, grantedVerbs, inGroup, type Permission, type RbacRule, WRITE_VERBS } from './rbac-rules.js';

export interface RbacRisk {
  /** A rule may need any of these permissions to be risky. */
  readonly permissions: readonly Permission[];
}

const WORKLOADS: Permission['resources'] = [
  ...inGroup('', 'pods', 'replicationcontrollers'),
  ...inGroup('apps', 'deployments', 'daemonsets', 'statefulsets', 'replicasets'),
  ...inGroup('batch', 'jobs', 'cronjobs'),
];

export const RBAC_RISKS = {
  secrets: { permissions: [{ verbs: ['get', 'list', 'watch'], resources: inGroup('', 'secrets') }] },
  execAttach: { permissions: [{ verbs: ['create', 'get'], resources: inGroup('', 'pods/exec', 'pods/attach') }] },
  workloadCreate: { permissions: [{ verbs: ['create', 'update', 'patch', 'delete'], resources: WORKLOADS }] },
  impersonate: {
    permissions: [{ verbs: ['impersonate'], resources: [...inGroup('', 'users', 'groups', 'serviceaccounts'), ...inGroup('authentication.k8s.io', 'uids')] }],
  },
  bindEscalate: {
    permissions: [
      { verbs: ['bind', 'escalate'], resources: inGroup('rbac.authorization.k8s.io', 'roles', 'clusterroles') },
      { verbs: ['create'], resources: inGroup('rbac.authorization.k8s.io', 'rolebindings', 'clusterrolebindings') },
    ],
  },
  nodesProxy: { permissions: [{ verbs: ['get', 'create'], resources: inGroup('', 'nodes/proxy') }] },
  webhookWrite: {
    permissions: [{ verbs: ['create', 'update', 'patch'], resources: inGroup('admissionregistration.k8s.io', 'mutatingwebhookconfigurations', 'validatingwebhookconfigurations') }],
  },
  csrApproval: { permissions: [{ verbs: ['update', 'patch'], resources: inGroup('certificates.k8s.io', 'certificatesigningrequests/approval') }] },
  csrSigners: { permissions: [{ verbs: ['approve'], resources: inGroup('certificates.k8s.io', 'signers'), anyName: true }] },
  destructiveDelete: {
    permissions: [
      {
        verbs: ['delete', 'deletecollection'],
        resources: [...inGroup('', 'pods/log', 'events', 'persistentvolumeclaims', 'persistentvolumes', 'namespaces'), ...inGroup('events.k8s.io', 'events'), ...WORKLOADS],
      },
    ],
  },
  manageConfigmaps: { permissions: [{ verbs: [...WRITE_VERBS], resources: inGroup('', 'configmaps') }] },
  manageNetworking: {
    permissions: [
      {
        verbs: [...WRITE_VERBS],
        resources: [
          ...inGroup('', 'services', 'endpoints'),
          ...inGroup('discovery.k8s.io', 'endpointslices'),
          ...inGroup('networking.k8s.io', 'networkpolicies', 'ingresses'),
          ...inGroup('extensions', 'networkpolicies', 'ingresses'),
        ],
      },
    ],
  },
  portForward: { permissions: [{ verbs: ['create'], resources: inGroup('', 'pods/portforward') }] },
  createPersistentVolume: { permissions: [{ verbs: ['create'], resources: inGroup('', 'persistentvolumes') }] },
  createTokens: { permissions: [{ verbs: ['create'], resources: inGroup('', 'serviceaccounts/token') }] },
  modifyServiceStatus: { permissions: [{ verbs: ['update', 'patch'], resources: inGroup('', 'services/status') }] },
  awsAuth: { permissions: [{ verbs: [...WRITE_VERBS], resources: inGroup('', 'configmaps'), resourceName: 'aws-auth' }] },
} as const satisfies Record<string, RbacRisk>;

export type RbacRiskName = keyof typeof RBAC_RISKS;

export interface RiskMatch {
  verbs: string[];
  resources: string[];
}

/** What of the risk a rule grants: the verbs and resources it allows, or undefined. */
export function matchRisk(rule: RbacRule, risk: RbacRisk): RiskMatch | undefined {
  const verbs = new Set<string>();
  const resources = new Set<string>();
  for (const permission of risk.permissions) {
    for (const verb of grantedVerbs(rule, permission)) verbs.add(verb);
    for (const resource of grantedResources(rule, permission)) resources.add(resource);
  }
  return verbs.size > 0 ? { verbs: [...verbs], resources: [...resources] } : undefined;
}

/** Whether the rule grants any of the risk's permissions: `matchRisk` without the lists it gathers. */
function grantsRisk(rule: RbacRule, risk: RbacRisk): boolean {
  return risk.permissions.some((permission) => allows(rule, permission));
}

/** The wildcard fields of a rule (`*` in verbs, resources or apiGroups). */
export function wildcardFields(rule: RbacRule): string[] {
  const fields: string[] = [];
  if (rule.verbs.includes('*')) fields.push('verbs');
  if (rule.resources.includes('*')) fields.push('resources');
  if (rule.apiGroups.includes('*')) fields.push('apiGroups');
  return fields;
}

/** `*` verbs on `*` resources of `*` groups (or every non-resource URL): what cluster-admin holds. */
export function isClusterAdminRule(rule: RbacRule): boolean {
  return rule.verbs.includes('*') && rule.resources.includes('*') && rule.apiGroups.includes('*');
}

/** The grants of a role the binding and workload rules name, strongest first. */
export type Grant = 'cluster-admin' | 'takeover' | 'secrets' | 'workloads' | 'exec' | 'wildcard' | 'nodes-proxy';

export const GRANT_TEXT: Readonly<Record<Grant, string>> = {
  'cluster-admin': 'every verb on every resource (cluster-admin)',
  takeover: 'privilege escalation (bind, escalate or impersonate)',
  secrets: 'reading Secrets',
  workloads: 'creating or changing pods and workload controllers',
  exec: 'exec or attach into pods',
  wildcard: 'every verb or every resource (`*`)',
  'nodes-proxy': 'the kubelet API through nodes/proxy',
};

/** Built-in ClusterRoles granted by name when the input does not hold them. */
const BUILT_IN_GRANTS: Readonly<Record<string, readonly Grant[]>> = {
  'cluster-admin': ['cluster-admin'],
  admin: ['secrets', 'workloads', 'exec'],
  edit: ['secrets', 'workloads', 'exec'],
};

export function builtInGrants(name: string): readonly Grant[] {
  return BUILT_IN_GRANTS[name] ?? [];
}

/** What a set of rules grants that the dangerous-role rules care about, strongest first. */
export function dangerousGrants(rules: readonly RbacRule[]): Grant[] {
  const found = new Set<Grant>();
  for (const rule of rules) {
    if (isClusterAdminRule(rule)) found.add('cluster-admin');
    if (grantsRisk(rule, RBAC_RISKS.bindEscalate) || grantsRisk(rule, RBAC_RISKS.impersonate)) found.add('takeover');
    if (grantsRisk(rule, RBAC_RISKS.secrets)) found.add('secrets');
    if (grantsRisk(rule, RBAC_RISKS.workloadCreate)) found.add('workloads');
    if (grantsRisk(rule, RBAC_RISKS.execAttach)) found.add('exec');
    if (rule.verbs.includes('*') || rule.resources.includes('*')) found.add('wildcard');
    if (grantsRisk(rule, RBAC_RISKS.nodesProxy)) found.add('nodes-proxy');
  }
  const order: Grant[] = ['cluster-admin', 'takeover', 'secrets', 'workloads', 'exec', 'wildcard', 'nodes-proxy'];
  return order.filter((grant) => found.has(grant));
}
