/** The namespaces Pod Security may leave unrestricted: one option, shared by the admission and namespace rules. */
import type { OptionsSchema } from '../../types.js';

export interface ExemptNamespacesOptions {
  exemptNamespaces: string[];
}

/** kube-system runs the control plane and node agents, which need privileged pods. */
export const DEFAULT_EXEMPT_NAMESPACES: ExemptNamespacesOptions = { exemptNamespaces: ['kube-system'] };

export function exemptNamespacesSchema(description: string): OptionsSchema {
  return {
    type: 'object',
    properties: { exemptNamespaces: { type: 'array', items: { type: 'string', minLength: 1 }, description } },
    additionalProperties: false,
  };
}

export function exemptNamespaces(options: Partial<ExemptNamespacesOptions>): ReadonlySet<string> {
  return new Set(options.exemptNamespaces ?? DEFAULT_EXEMPT_NAMESPACES.exemptNamespaces);
}
