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
        // Copies are found once, on the complete index (checkIndex); here the object is only marked.
        if (object.name !== undefined) context.watch();
      },
    };
  },
  checkIndex(index, context) {
    for (const copies of index.duplicates()) {
      // A stored record makes its location afresh on each read: read once per copy, not once per pair of copies
      // (an identity repeated in 750 files made half a million locations for each copy).
      const places = copies.map((record) => record.at);
      for (const [position, record] of copies.entries()) {
        const options = context.optionsFor(record);
        if (!options) continue;
        const at = places[position]!;
        // The first copy in the record's scope (the record itself, when it is the first).
        const first = places.findIndex((other) => sameScope(options.scope, other, at));
        if (samePlace(places[first]!, at)) continue;
        const where = record.namespace === undefined ? '' : ` in namespace "${record.namespace}"`;
        context.report({
          messageId: 'duplicate', data: { kind: record.kind, name: record.name!, where }, at: record.at, related: [{ at: copies[first]!.at, message: 'first definition' }],
        });
      }
    }
  },
});
