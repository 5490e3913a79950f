import { defineRule } from '../engine/define-rule.js';
import path from 'node:path';
import type { Location } from '../findings/location.js';

function samePlace(a: Location, b: Location): boolean {
  return a.file === b.file && a.region.startLine === b.region.startLine && a.region.startColumn === b.region.startColumn;
}

/**
 * Two documents with the same API group, kind, namespace and name: `kubectl apply` keeps only the last
 * one, silently. Copies in one folder (applied together, as `kubectl apply -f dir`)
 * count; copies in other folders are variants (overlays, environments). Every copy after the first is
 * reported, with the first as related location; objects without a namespace are compared in the
 * namespace they land in.
 */
export default defineRule({
  meta: {
    id: 'duplicate-resource',
    category: 'schema',
    level: 'error',
    presets: ['recommended'],
    crossObject: true,
    summary: 'Each object (API group, kind, namespace, name) should be defined once among the files of a folder; a later copy silently replaces the earlier one on apply.',
    remediation: 'Remove one of the copies, or give them different names or namespaces.',
    messages: {
      duplicate: '{{kind}} "{{name}}" is defined again{{where}}.',
    },
  },
  create(context) {
    return {
      object(object) {
        if (object.name === undefined) return;
        const name = object.name;
        const at = context.locate([...object.path, 'metadata', 'name']);
        context.afterIndex((index) => {
          const namespace = index.all.find((record) => samePlace(record.at, at))?.namespace;
          // Copies in other folders are variants (overlays, environments, examples), not applied together.
          const copies = index.find(object.group, object.kind, namespace, name).filter((record) => path.dirname(record.at.file) === path.dirname(at.file));
          if (copies.length < 2 || samePlace(copies[0]!.at, at)) return;
          const first = copies[0]!;
          const where = namespace === undefined ? '' : ` in namespace "${namespace}"`;
          context.report({ messageId: 'duplicate', data: { kind: object.kind, name, where }, at, related: [{ at: first.at, message: 'first definition' }] });
        });
      },
    };
  },
});
