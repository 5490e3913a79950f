import { defineRule } from '../engine/define-rule.js';
import path from 'node:path';
import type { Location } from '../findings/location.js';

function samePlace(a: Location, b: Location): boolean {
  return a.file === b.file && a.region.startLine === b.region.startLine && a.region.startColumn === b.region.startColumn;
}

/**
 * Two documents with the same API group, kind, namespace and name: `kubectl apply` keeps only the last
 * one, silently. By default only copies in one file count: release folders often
 * hold alternative installs side by side (Argo CD's install.yaml and namespace-install.yaml), and other
 * folders hold variants (overlays, environments); `scope` widens it to a folder or the whole run. Every copy after the first is
 * reported, with the first as related location; objects without a namespace are compared in the
 * namespace they land in.
 */
interface Options {
  scope: 'file' | 'folder' | 'run';
}

/** Whether two locations are in the same unit of the configured scope. */
function sameScope(scope: Options['scope'], a: Location, b: Location): boolean {
  if (scope === 'run') return true;
  return scope === 'file' ? a.file === b.file : path.dirname(a.file) === path.dirname(b.file);
}

export default defineRule<'duplicate', Options>({
  meta: {
    id: 'duplicate-resource',
    category: 'schema',
    level: 'error',
    presets: ['recommended'],
    crossObject: true,
    summary: 'Each object (API group, kind, namespace, name) should be defined once in a file (or, as configured, a folder or the run); a later copy silently replaces the earlier one on apply.',
    remediation: 'Remove one of the copies, or give them different names or namespaces.',
    messages: {
      duplicate: '{{kind}} "{{name}}" is defined again{{where}}.',
    },
    options: {
      type: 'object',
      properties: {
        scope: {
          enum: ['file', 'folder', 'run'],
          description: 'Where copies count as duplicates: within one file (default), within one folder, or anywhere in the run.',
        },
      },
      additionalProperties: false,
    },
    defaultOptions: { scope: 'file' },
  },
  create(context) {
    return {
      object(object) {
        if (object.name === undefined) return;
        const at = context.locate([...object.path, 'metadata', 'name']);
        // One check per named object: it keeps the object's identity, not the object.
        const kept = context.hold({ group: object.group, kind: object.kind, name: object.name });
        context.afterIndex((index) => {
          const { group, kind, name } = kept;
          const namespace = index.recordAt(at)?.namespace;
          const copies = index.find(group, kind, namespace, name).filter((record) => sameScope(context.options.scope, record.at, at));
          if (copies.length < 2 || samePlace(copies[0]!.at, at)) return;
          const first = copies[0]!;
          const where = namespace === undefined ? '' : ` in namespace "${namespace}"`;
          context.report({ messageId: 'duplicate', data: { kind, name, where }, at, related: [{ at: first.at, message: 'first definition' }] });
        });
      },
    };
  },
});
