/** Findings on a rendered overlay → the file and line a person edits: the base resource, or the patch that set the field. */
import { fingerprint } from '../findings/build.js';
import { displayPath } from '../input/display-path.js';
import type { Finding } from '../types.js';
import type { ObjectOrigin } from './kustomize.js';
import { identity, locateInOrigin, mapPath, type OriginFile, type OriginFiles } from './origin-files.js';
import { generatorSite } from './generators.js';
import { patchThatSet } from './patches.js';

export interface KustomizeMapContext {
  cwd: string;
  files: OriginFiles;
  /** Display path of the overlay folder. */
  overlay: string;
  origins: readonly (ObjectOrigin | undefined)[];
  /** Plain value of each rendered document. */
  rendered: readonly unknown[];
}

/** The mapped finding, and the text of the file it moved to (for code frames). */
export function mapKustomizeFinding(finding: Finding, context: KustomizeMapContext): { finding: Finding; text?: string } {
  const rendered = finding.documentIndex === undefined ? undefined : context.rendered[finding.documentIndex];
  const origin = finding.documentIndex === undefined ? undefined : context.origins[finding.documentIndex];
  const renderedAt = { file: finding.file, region: finding.region, message: `the object as overlay ${context.overlay} renders it` };
  const site = origin ? siteOf(origin, rendered, finding, context.files) : undefined;
  const named: Finding = {
    ...finding,
    message: `${finding.message} [overlay ${context.overlay}]`,
    fingerprint: fingerprint([finding.fingerprint, context.overlay]),
  };
  if (!site) return { finding: named };
  const related = [renderedAt, ...(finding.related ?? [])];
  if ('lines' in site) {
    // An env file line: not YAML, so no path or document inside it.
    const display = displayPath(context.cwd, site.lines.absolute);
    const mapped: Finding = { ...named, file: display, region: site.lines.region, path: [], related, fingerprint: fingerprint([finding.fingerprint, context.overlay, display]) };
    delete mapped.documentIndex;
    delete mapped.approximate;
    return { finding: mapped, text: site.lines.text };
  }
  const display = displayPath(context.cwd, site.file.absolute);
  const location = locateInOrigin(site.file, display, site.documentIndex, site.path);
  const mapped: Finding = { ...named, file: display, region: location.region, path: site.path, documentIndex: site.documentIndex, related };
  mapped.fingerprint = fingerprint([finding.fingerprint, context.overlay, display]);
  if (location.approximate || !site.exact) mapped.approximate = true;
  else delete mapped.approximate;
  // A patch written in a kustomization is shown in that file.
  return { finding: mapped, text: (site.file.host?.file ?? site.file).text };
}

type Site =
  | { file: OriginFile; documentIndex: number; path: Finding['path']; exact: boolean }
  | { lines: { absolute: string; text: string; region: Finding['region'] } };

function siteOf(origin: ObjectOrigin, rendered: unknown, finding: Finding, files: OriginFiles): Site | undefined {
  const { kind, name } = identity(rendered);
  const base = origin.file ? files.get(origin.file) : undefined;
  const documentIndex = base ? baseDocument(base, kind, name) : undefined;
  const baseName = base && documentIndex !== undefined ? identity(base.values[documentIndex]).name : name;
  if (finding.path.length > 0 && origin.patchedIn.length > 0) {
    const patch = patchThatSet(files, origin.patchedIn, { kind, name: baseName }, rendered, finding.path, finding.missing === true);
    if (patch) return { ...patch, exact: patch.exact || finding.missing === true };
  }
  if (base && documentIndex !== undefined) {
    const mapped = mapPath(rendered, base.values[documentIndex], finding.path);
    return { file: base, documentIndex, path: mapped.path, exact: mapped.complete || finding.missing === true };
  }
  // A generated object (configMapGenerator…): the generator's entry in its kustomization.
  const kustomization = origin.configuredIn ? files.get(origin.configuredIn) : undefined;
  if (!kustomization || kustomization.values[0] === null) return undefined;
  if (!origin.generator) return { file: kustomization, documentIndex: 0, path: [], exact: false };
  const site = generatorSite(kustomization, origin.generator, name, finding.path);
  return site.kind === 'lines' ? { lines: site } : { file: kustomization, documentIndex: 0, path: site.path, exact: site.exact };
}

/** The base document of a rendered object: same kind, and a name that prefixes and suffixes may have grown. */
function baseDocument(file: OriginFile, kind: string | undefined, renderedName: string | undefined): number | undefined {
  let best: number | undefined;
  let bestLength = -1;
  for (const [index, value] of file.values.entries()) {
    const written = identity(value);
    if (written.kind !== kind) continue;
    const length = written.name === undefined ? 0 : renderedName?.includes(written.name) ? written.name.length : -1;
    if (length > bestLength) {
      best = index;
      bestLength = length;
    }
  }
  return best;
}
