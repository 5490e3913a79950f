/**
 * Config-file exemptions → suppression entries: by kind, namespace, name, file path and container name,
 * each with a reason (kube-linter#487: third-party charts whose annotations cannot be set).
 */
import path from 'node:path';
import { minimatch } from 'minimatch';
import { fingerprint } from '../findings/build.js';
import type { Finding } from '../types.js';
import type { FindingPlace, SuppressionEntry } from './entry.js';

export type { Exemption } from './options.js';
import type { Exemption } from './options.js';

export interface ExemptionContext {
  /** The working directory: findings' files are relative to it. */
  cwd: string;
  /** The config file's folder: exemption paths are relative to it. */
  baseDir: string;
}

export function exemptionEntries(exemptions: readonly Exemption[], context: ExemptionContext): SuppressionEntry[] {
  return exemptions.flatMap((exemption, index) => {
    const covers = matcher(exemption, context);
    const at = `${exemption.origin.file}:${exemption.origin.region.startLine}:${exemption.origin.region.startColumn}`;
    return (exemption.rules.length > 0 ? exemption.rules : [undefined]).map((rule) => {
      const entry: SuppressionEntry = {
        source: 'config',
        at,
        label: `exemption #${index + 1}`,
        reason: exemption.reason,
        covers,
        reportAt: (ruleId, level, message) => ({
          ruleId,
          level,
          message,
          file: exemption.origin.file,
          region: exemption.origin.region,
          path: [],
          fingerprint: fingerprint([ruleId, exemption.origin.file, 'exemption', JSON.stringify({ ...exemption, origin: undefined }), rule ?? '*']),
        }),
      };
      if (rule !== undefined) entry.rule = rule;
      if (exemption.expires) entry.expires = exemption.expires;
      return entry;
    });
  });
}

function matcher(exemption: Exemption, context: ExemptionContext): (finding: Finding, place: FindingPlace) => boolean {
  const glob = (pattern: string | undefined, value: string | undefined): boolean =>
    pattern === undefined || (value !== undefined && minimatch(value, pattern, { dot: true, nocomment: true, nonegate: true }));
  return (finding, place) => {
    const object = finding.object;
    if (!glob(exemption.kind, object?.kind)) return false;
    if (!glob(exemption.namespace, object?.namespace)) return false;
    if (!glob(exemption.name, object?.name)) return false;
    if (!glob(exemption.container, place.container?.name)) return false;
    if (exemption.path !== undefined) {
      const file = path.relative(context.baseDir, path.resolve(context.cwd, finding.file)).split(path.sep).join('/');
      if (!glob(exemption.path, file) && !glob(exemption.path, finding.helmTemplate)) return false;
    }
    return true;
  };
}
