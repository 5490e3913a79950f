import { defineRule } from '../engine/define-rule.js';
import { apiDeprecation, deprecationStatus, type ApiDeprecation } from '../k8s/deprecations.js';

/** The apiVersion to move to in the target release: follows replacements that were removed in turn. */
function replacementIn(entry: ApiDeprecation, kind: string, kubeVersion: string): ApiDeprecation {
  let last = entry;
  for (let hops = 0; last.replacement !== null && hops < 5; hops++) {
    const next = apiDeprecation(last.replacement, kind);
    if (!next || deprecationStatus(next, kubeVersion) === 'ok') break;
    last = next;
  }
  return last;
}

export default defineRule<'removed' | 'removedNoReplacement' | 'deprecated' | 'deprecatedNoReplacement'>({
  meta: {
    id: 'deprecated-api-version',
    category: 'schema',
    level: 'warning',
    presets: ['recommended'],
    summary:
      'Objects must not use an apiVersion that the target Kubernetes version (--kube-version, default the newest bundled) deprecates (warning) or no longer serves (error); the finding names the replacement and the release that removes it.',
    remediation: 'Move the object to the replacement apiVersion named in the message, adapting the fields that changed between the versions.',
    messages: {
      removed: '{{kind}} "{{apiVersion}}" is no longer served since Kubernetes {{removedIn}} (target {{target}}); use "{{replacement}}".',
      removedNoReplacement: '{{kind}} "{{apiVersion}}" is no longer served since Kubernetes {{removedIn}} (target {{target}}) and has no replacement API{{note}}.',
      deprecated: '{{kind}} "{{apiVersion}}" is deprecated since Kubernetes {{deprecatedIn}} and removed in {{removedIn}}; use "{{replacement}}".',
      deprecatedNoReplacement: '{{kind}} "{{apiVersion}}" is deprecated since Kubernetes {{deprecatedIn}} and removed in {{removedIn}}, with no replacement API{{note}}.',
    },
  },
  create(context) {
    const target = context.settings.kubeVersion;
    return {
      object(object) {
        const entry = apiDeprecation(object.apiVersion, object.kind);
        if (!entry) return;
        const status = deprecationStatus(entry, target);
        if (status === 'ok') return;
        const last = replacementIn(entry, object.kind, target);
        const replacement = last.replacement;
        const data = {
          kind: object.kind,
          apiVersion: object.apiVersion,
          removedIn: entry.removedIn,
          deprecatedIn: entry.deprecatedIn,
          target,
          replacement: replacement ?? '',
          note: replacement === null && last.note ? `: ${last.note}` : '',
        };
        const at = [...object.path, 'apiVersion'];
        if (status === 'removed') context.report({ messageId: replacement ? 'removed' : 'removedNoReplacement', data, at, level: 'error' });
        else context.report({ messageId: replacement ? 'deprecated' : 'deprecatedNoReplacement', data, at });
      },
    };
  },
});
