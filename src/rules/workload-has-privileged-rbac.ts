import { defineRule, type RelatedLocation } from '../engine/define-rule.js';
import { isString } from '../k8s/json.js';
import type { IndexedObject, ObjectIndex } from '../k8s/object-index.js';
import { bindingsOfServiceAccount, resolveRole, roleGrants, roleRefOf } from '../k8s/rbac.js';
import { builtInGrants, type Grant } from '../k8s/views/rbac-risks.js';
import { podServiceAccount } from '../k8s/views/service-account.js';
import type { Location } from '../types.js';

/** What the workload's token can do, strongest first; only these three are worth naming on a workload. */
const NAMED: readonly Grant[] = ['cluster-admin', 'takeover', 'secrets'];
const TEXT: Readonly<Partial<Record<Grant, string>>> = {
  'cluster-admin': 'administer the cluster (every verb on every resource)',
  takeover: 'grant itself more rights (bind, escalate or impersonate)',
  secrets: 'read Secrets',
};

/** The named grant one binding hands its subjects, with where the binding and its role are; undefined for none. */
interface BindingGrant {
  grant: Grant;
  name: string;
  related: RelatedLocation[];
}

/**
 * What a binding grants, once per binding and run: a large run reads a binding's value back from disk on each
 * use, and a binding of a group of every service account is a binding of each of them.
 */
function grantOf(index: ObjectIndex, binding: IndexedObject): BindingGrant | undefined {
  const known = index.ruleMemo('privileged-rbac:binding-grants', () => new Map<IndexedObject, BindingGrant | null>());
  let entry = known.get(binding);
  if (entry === undefined) {
    entry = null;
    const ref = roleRefOf(binding);
    const role = ref && resolveRole(index, binding);
    const grants = !ref ? [] : role ? roleGrants(index, role) : ref.kind === 'ClusterRole' ? builtInGrants(ref.name) : [];
    const grant = NAMED.find((candidate) => grants.includes(candidate));
    if (ref && grant) {
      const related = [{ at: binding.at, message: `${binding.kind} "${binding.name ?? ''}" grants ${ref.kind} "${ref.name}" to the service account.` }];
      if (role) related.push({ at: role.at, message: `${ref.kind} "${ref.name}" is defined here.` });
      entry = { grant, name: `${binding.kind} "${binding.name ?? ''}"`, related };
    }
    known.set(binding, entry);
  }
  return entry ?? undefined;
}

/** The strongest named grant of a service account, the bindings that give it, and where they are: once per account and run. */
function privilegesOf(index: ObjectIndex, namespace: string, account: string): { strongest: Grant | undefined; via: string; related: RelatedLocation[] } {
  return index.ruleMemo(`privileged-rbac:${namespace}\u0000${account}`, () => {
    let strongest: Grant | undefined;
    const via: string[] = [];
    const related: RelatedLocation[] = [];
    for (const binding of bindingsOfServiceAccount(index, namespace, account)) {
      const given = grantOf(index, binding);
      if (!given) continue;
      if (strongest === undefined || NAMED.indexOf(given.grant) < NAMED.indexOf(strongest)) strongest = given.grant;
      if (!via.includes(given.name)) via.push(given.name);
      related.push(...given.related);
    }
    return { strongest, via: via.join(', '), related };
  });
}

/** What each pod spec keeps until the index is complete: its service account, where it is named. */
interface Watch {
  namespace: string;
  account: string;
  at: Location;
}

/**
 * The pod's service account (serviceAccountName, the deprecated serviceAccount, else `default`) → the
 * bindings that name it → their roles (from the input, aggregation included, or the built-in ones by name).
 */
export default defineRule<'privileged', Record<string, never>, Watch>({
  meta: {
    id: 'workload-has-privileged-rbac',
    category: 'security',
    level: 'warning',
    securitySeverity: 7.0,
    presets: ['recommended'],
    tags: ['rbac'],
    crossObject: true,
    precision: 'medium',
    summary:
      "Workloads whose service account can administer the cluster, grant itself rights or read Secrets hand those rights to anyone who compromises one of their containers (the token is in the pod).",
    remediation: 'Give the workload its own service account bound to a role with only the permissions it uses, and set automountServiceAccountToken: false if it does not call the API.',
    messages: {
      privileged: 'Pods of {{kind}} "{{name}}" run as service account "{{account}}", which can {{what}} through {{bindings}}.',
    },
  },
  create(context) {
    return {
      podSpec(pod, object) {
        const { account, field } = podServiceAccount(pod.spec);
        // An empty serviceAccountName is written, though the pod runs as `default`: point at it.
        const written = field ?? (isString(pod.spec.serviceAccountName) ? 'serviceAccountName' : undefined);
        const at = context.locate([...pod.path, written ?? 'serviceAccountName'], { missing: written === undefined });
        context.watch({ namespace: object.namespace ?? context.settings.namespace, account, at });
      },
    };
  },
  checkIndex(index, context) {
    for (const watch of context.watched) {
      const { record } = watch;
      const { namespace, account, at } = watch.data;
      const { strongest, via, related } = privilegesOf(index, namespace, account);
      if (!strongest) continue;
      const level = strongest === 'secrets' ? 'warning' : 'error';
      const data = { kind: record.kind, name: record.name ?? '', account, what: TEXT[strongest]!, bindings: via };
      context.report({ messageId: 'privileged', data, at, related, level }, watch);
    }
  },
});
