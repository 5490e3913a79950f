/** The name and key syntaxes of Kubernetes (apimachinery validation), as plain checks returning a reason. */

const LABEL_NAME = /^[A-Za-z0-9]([-A-Za-z0-9_.]*[A-Za-z0-9])?$/;
const DNS_LABEL = /^[a-z0-9]([-a-z0-9]*[a-z0-9])?$/;
const DNS_1035_LABEL = /^[a-z]([-a-z0-9]*[a-z0-9])?$/;
const DNS_SUBDOMAIN = /^[a-z0-9]([-a-z0-9]*[a-z0-9])?(\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*$/;

export function dnsSubdomainProblem(value: string): string | undefined {
  if (value.length > 253) return 'must be at most 253 characters';
  if (!DNS_SUBDOMAIN.test(value)) return "must consist of lower case letters, digits, '-' and '.', and start and end with a letter or digit";
  return undefined;
}

export function dnsLabelProblem(value: string): string | undefined {
  if (value.length > 63) return 'must be at most 63 characters';
  if (!DNS_LABEL.test(value)) return "must consist of lower case letters, digits and '-', and start and end with a letter or digit";
  return undefined;
}

function dns1035LabelProblem(value: string): string | undefined {
  if (value.length > 63) return 'must be at most 63 characters';
  if (!DNS_1035_LABEL.test(value)) return "must consist of lower case letters, digits and '-', start with a letter and end with a letter or digit";
  return undefined;
}

/** RBAC objects may be named anything a URL path segment can hold (`system:controller:x`). */
function pathSegmentProblem(value: string): string | undefined {
  if (value === '.' || value === '..') return `may not be "${value}"`;
  if (/[/%]/.test(value)) return "may not contain '/' or '%'";
  return undefined;
}

const PATH_SEGMENT_KINDS = new Set(['Role', 'ClusterRole', 'RoleBinding', 'ClusterRoleBinding']);
const DNS_LABEL_KINDS = new Set(['Namespace']);
const DNS_1035_KINDS = new Set(['Service']);

/** What is wrong with `metadata.name` for this kind, or undefined. */
export function objectNameProblem(group: string, kind: string, name: string): string | undefined {
  if (name === '') return 'must not be empty';
  if (group === 'rbac.authorization.k8s.io' && PATH_SEGMENT_KINDS.has(kind)) return pathSegmentProblem(name);
  if (group === '' && DNS_LABEL_KINDS.has(kind)) return dnsLabelProblem(name);
  if (group === '' && DNS_1035_KINDS.has(kind)) return dns1035LabelProblem(name);
  return dnsSubdomainProblem(name);
}

/** A label or annotation key: an optional DNS-subdomain prefix and `/`, then a name of at most 63 characters. */
export function qualifiedNameProblem(key: string): string | undefined {
  const slash = key.lastIndexOf('/');
  const prefix = slash >= 0 ? key.slice(0, slash) : undefined;
  const name = slash >= 0 ? key.slice(slash + 1) : key;
  if (prefix !== undefined) {
    if (prefix === '') return 'has an empty prefix before "/"';
    const problem = dnsSubdomainProblem(prefix);
    if (problem) return `has a prefix that ${problem}`;
  }
  if (name === '') return 'has an empty name';
  if (name.length > 63) return 'has a name longer than 63 characters';
  if (!LABEL_NAME.test(name)) return "has a name that must consist of letters, digits, '-', '_' and '.', and start and end with a letter or digit";
  return undefined;
}

export function labelValueProblem(value: string): string | undefined {
  if (value === '') return undefined;
  if (value.length > 63) return 'must be at most 63 characters';
  if (!LABEL_NAME.test(value)) return "must consist of letters, digits, '-', '_' and '.', and start and end with a letter or digit";
  return undefined;
}

/** `500m`, `1Gi`, `1e3`, `+.5Ki`: the syntax of resource.Quantity. */
const QUANTITY = /^[+-]?(\d+\.?\d*|\.\d+)([eE][+-]?\d+|[KMGTPE]i|[numkMGTPE]|)$/;

export function isQuantity(value: string): boolean {
  return QUANTITY.test(value);
}
