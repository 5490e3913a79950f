/**
 * How a Role's rule is matched against the permissions the RBAC rules look for: the quick yes-or-no that the
 * binding and workload rules ask of every rule (`allows`, `dangerousGrants`) must say what the lists the Role
 * rules report (`grantedVerbs`, `matchRisk`) say.
 */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import fc from 'fast-check';
import { allows, grantedVerbs, type Permission, type RbacRule } from '../src/k8s/views/rbac-rules.js';
import { dangerousGrants, matchRisk, RBAC_RISKS } from '../src/k8s/views/rbac-risks.js';

const PERMISSIONS: Permission[] = Object.values(RBAC_RISKS).flatMap((risk) => [...risk.permissions]);

function rule(fields: Partial<RbacRule>): RbacRule {
  return { apiGroups: [], resources: [], verbs: [], resourceNames: [], nonResourceURLs: [], ...fields };
}

/** Rules made of the words the risks use, stars, near misses and other subresources. */
const rules = fc.record({
  apiGroups: fc.subarray(['', '*', 'apps', 'batch', 'rbac.authorization.k8s.io', 'certificates.k8s.io', 'admissionregistration.k8s.io', 'example.com']),
  resources: fc.subarray(['*', 'pods', 'pods/exec', 'pods/attach', '*/exec', '*/log', '*/approval', 'secrets', 'nodes/proxy', '*/proxy', 'deployments', 'configmaps', 'roles', 'signers', 'certificatesigningrequests/approval', 'services/status', '*/status', 'exec', '*/']),
  verbs: fc.subarray(['*', 'get', 'list', 'create', 'update', 'patch', 'delete', 'bind', 'escalate', 'impersonate', 'approve', 'deletecollection']),
  resourceNames: fc.subarray(['aws-auth', 'other', 'kubernetes.io/kube-apiserver-client']),
  nonResourceURLs: fc.constant([]),
});

test('a rule allows a permission exactly when it grants one of its verbs', () => {
  fc.assert(
    fc.property(rules, (made) => {
      for (const permission of PERMISSIONS) assert.equal(allows(made, permission), grantedVerbs(made, permission).length > 0, JSON.stringify({ made, permission }));
    }),
    { numRuns: 2000, seed: 7 },
  );
});

test('dangerous grants are the risks some rule matches', () => {
  fc.assert(
    fc.property(fc.array(rules, { maxLength: 4 }), (made) => {
      const grants = dangerousGrants(made);
      const matched = (risk: keyof typeof RBAC_RISKS): boolean => made.some((item) => matchRisk(item, RBAC_RISKS[risk]) !== undefined);
      assert.equal(grants.includes('secrets'), matched('secrets'));
      assert.equal(grants.includes('workloads'), matched('workloadCreate'));
      assert.equal(grants.includes('exec'), matched('execAttach'));
      assert.equal(grants.includes('takeover'), matched('bindEscalate') || matched('impersonate'));
      assert.equal(grants.includes('nodes-proxy'), matched('nodesProxy'));
    }),
    { numRuns: 1000, seed: 11 },
  );
});

test('a star before a subresource reaches that subresource of every resource, and no other', () => {
  const exec = rule({ apiGroups: [''], resources: ['*/exec'], verbs: ['create'] });
  assert.deepEqual(dangerousGrants([exec]), ['exec']);
  assert.equal(allows(exec, { verbs: ['create'], resources: [{ group: '', resource: 'pods/attach' }] }), false);
  assert.equal(allows(exec, { verbs: ['create'], resources: [{ group: '', resource: 'exec' }] }), false, 'a resource named like the subresource');
  assert.equal(allows(rule({ apiGroups: [''], resources: ['*/proxy'], verbs: ['get'] }), RBAC_RISKS.nodesProxy.permissions[0]), true);
});

test('a rule limited to named objects grants only create, unless the permission is about one of the names', () => {
  const named = rule({ apiGroups: [''], resources: ['configmaps', 'pods/exec'], verbs: ['*'], resourceNames: ['aws-auth'] });
  assert.equal(allows(named, RBAC_RISKS.manageConfigmaps.permissions[0]), true, 'create is not limited by name');
  assert.equal(allows(named, RBAC_RISKS.awsAuth.permissions[0]), true);
  assert.equal(allows(named, RBAC_RISKS.execAttach.permissions[0]), true, 'create on pods/exec');
  const readOnly = rule({ apiGroups: [''], resources: ['secrets', 'configmaps'], verbs: ['get', 'update'], resourceNames: ['other'] });
  assert.equal(allows(readOnly, RBAC_RISKS.secrets.permissions[0]), false);
  assert.equal(allows(readOnly, RBAC_RISKS.awsAuth.permissions[0]), false, 'another name');
  assert.deepEqual(dangerousGrants([readOnly]), []);
});
