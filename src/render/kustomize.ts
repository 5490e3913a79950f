/**
 * `kubectl kustomize` (or `kustomize build`) on a kustomization, with kustomize's origin annotations turned
 * on. The user's kustomization is never touched: a wrapper kustomization in a temporary folder lists it as its
 * only resource and adds `buildMetadata`, which kustomize then applies to every object of the tree.
 */
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { isMap, parseAllDocuments, stringify } from 'yaml';
import { onPath, runTool } from './tools.js';

export const ORIGIN_ANNOTATION = 'config.kubernetes.io/origin';
export const TRANSFORMATIONS_ANNOTATION = 'alpha.config.kubernetes.io/transformations';
export const KUSTOMIZATION_FILES = ['kustomization.yaml', 'kustomization.yml', 'Kustomization'];

/** Where kustomize says an object comes from, with absolute paths. */
export interface ObjectOrigin {
  /** The resource file the object was read from. */
  file?: string;
  /** The kustomization whose generator made the object (configMapGenerator…). */
  configuredIn?: string;
  /** The generator's key in that kustomization (`configMapGenerator`, `secretGenerator`…). */
  generator?: string;
  /** Kustomizations whose patches ran over the object, innermost first. */
  patchedIn: string[];
}

export type KustomizeRender = { ok: true; text: string; origins: (ObjectOrigin | undefined)[] } | { ok: false; message: string };

/** The command that renders kustomizations here: kubectl's built-in kustomize, else a standalone kustomize. */
export function kustomizeCommand(): { command: string; args: string[] } | undefined {
  const kubectl = onPath('kubectl');
  if (kubectl) return { command: kubectl, args: ['kustomize'] };
  const kustomize = onPath('kustomize');
  return kustomize ? { command: kustomize, args: ['build'] } : undefined;
}

export async function renderKustomization(dir: string, tool: { command: string; args: string[] }): Promise<KustomizeRender> {
  const wrapper = await mkdtemp(path.join(tmpdir(), 'kmlint-kustomize-'));
  try {
    // kustomize refuses absolute resource paths: the wrapper names the kustomization relative to itself.
    const relative = path.relative(wrapper, dir).split(path.sep).join('/');
    await writeFile(path.join(wrapper, 'kustomization.yaml'), stringify({ resources: [relative], buildMetadata: ['originAnnotations', 'transformerAnnotations'] }));
    const result = await runTool(tool.command, [...tool.args, wrapper], wrapper);
    if (!result.ok) return { ok: false, message: readableMessage(result.message, wrapper, relative, dir) };
    return { ok: true, ...stripOrigins(result.stdout, wrapper) };
  } finally {
    await rm(wrapper, { recursive: true, force: true });
  }
}

/** The wrapper is kmlint's business: name the user's folder instead, and paths relative to the working directory. */
function readableMessage(message: string, wrapper: string, relative: string, dir: string): string {
  const cwd = process.cwd() + path.sep;
  return message.split(`'${relative}'`).join(`'${path.relative(process.cwd(), dir) || '.'}'`).split(wrapper).join('<kustomization wrapper>').split(cwd).join('');
}

/** Reads and removes the origin annotations, so rules see the objects kustomize would apply. */
export function stripOrigins(text: string, base: string): { text: string; origins: (ObjectOrigin | undefined)[] } {
  const origins: (ObjectOrigin | undefined)[] = [];
  const parts: string[] = [];
  for (const doc of parseAllDocuments(text)) {
    if (doc.contents === null) continue;
    const annotations = doc.getIn(['metadata', 'annotations'], true);
    let origin: ObjectOrigin | undefined;
    if (isMap(annotations)) {
      const said = doc.getIn(['metadata', 'annotations', ORIGIN_ANNOTATION]);
      const transformations = doc.getIn(['metadata', 'annotations', TRANSFORMATIONS_ANNOTATION]);
      origin = originOf(said, transformations, base);
      annotations.delete(ORIGIN_ANNOTATION);
      annotations.delete(TRANSFORMATIONS_ANNOTATION);
      if (annotations.items.length === 0) doc.deleteIn(['metadata', 'annotations']);
    }
    origins.push(origin);
    // kustomize's own layout (lists not indented under their key), so lines match `kubectl kustomize DIR`.
    parts.push(doc.toString({ lineWidth: 0, indentSeq: false }).replace(/^---\n/, ''));
  }
  return { text: parts.join('---\n'), origins };
}

function originOf(said: unknown, transformations: unknown, base: string): ObjectOrigin | undefined {
  const origin: ObjectOrigin = { patchedIn: [] };
  const fields = typeof said === 'string' ? (parseAllDocuments(said)[0]?.toJS() as Record<string, unknown> | null) : undefined;
  // Remote resources (`repo:` in the origin) have no file a person edits here.
  if (fields && typeof fields.path === 'string' && fields.repo === undefined) origin.file = path.resolve(base, fields.path);
  if (fields && typeof fields.configuredIn === 'string') {
    origin.configuredIn = path.resolve(base, fields.configuredIn);
    const kind = (fields.configuredBy as { kind?: unknown } | undefined)?.kind;
    if (typeof kind === 'string') origin.generator = kind.charAt(0).toLowerCase() + kind.slice(1);
  }
  const steps = typeof transformations === 'string' ? (parseAllDocuments(transformations)[0]?.toJS() as unknown) : undefined;
  for (const step of Array.isArray(steps) ? steps : []) {
    const kind = (step as { configuredBy?: { kind?: unknown } }).configuredBy?.kind;
    const file = (step as { configuredIn?: unknown }).configuredIn;
    if (typeof kind === 'string' && kind.startsWith('Patch') && typeof file === 'string') {
      const absolute = path.resolve(base, file);
      if (!origin.patchedIn.includes(absolute)) origin.patchedIn.push(absolute);
    }
  }
  return origin.file || origin.configuredIn || origin.patchedIn.length > 0 ? origin : undefined;
}
