/**
 * Container image references, read the way the container runtimes read them (the distribution
 * reference grammar): `[registry[:port]/]path[:tag][@algorithm:hex]`, with Docker Hub as the default
 * registry and `library/` as the default namespace of one-component Docker Hub names.
 */

export const DOCKER_HUB = 'docker.io';

export interface ImageReference {
  /** The registry host (with its port), `docker.io` when the reference names none. */
  readonly registry: string;
  /** Whether the registry was written in the reference. */
  readonly explicitRegistry: boolean;
  /** The repository path inside the registry, `library/nginx` for `nginx`. */
  readonly repository: string;
  readonly tag?: string;
  /** `sha256:…` */
  readonly digest?: string;
}

export type ParsedImage = { ok: true; image: ImageReference } | { ok: false; reason: string };

// One path component: lower-case alphanumerics joined by `.`, `_`, `__` or runs of `-`.
const PATH_COMPONENT = /^[a-z0-9]+(?:(?:[._]|__|-+)[a-z0-9]+)*$/;
// A host: dot-separated labels of alphanumerics and inner hyphens, or a bracketed IPv6 address; then a port.
const REGISTRY = /^(?:(?:[a-zA-Z0-9]|[a-zA-Z0-9][a-zA-Z0-9-]*[a-zA-Z0-9])(?:\.(?:[a-zA-Z0-9]|[a-zA-Z0-9][a-zA-Z0-9-]*[a-zA-Z0-9]))*|\[[0-9a-fA-F:.]+\])(?::[0-9]+)?$/;
const TAG = /^[\w][\w.-]{0,127}$/;
const DIGEST = /^[A-Za-z][A-Za-z0-9]*(?:[-_+.][A-Za-z][A-Za-z0-9]*)*:[0-9a-fA-F]{32,}$/;
const MAX_NAME_LENGTH = 255;

/** The first component is a registry when it has a dot or a port, is `localhost`, or has upper case (as the runtimes decide). */
function isRegistry(component: string): boolean {
  return /[.:]/.test(component) || component === 'localhost' || component !== component.toLowerCase();
}

export function parseImage(reference: string): ParsedImage {
  if (reference.length === 0) return { ok: false, reason: 'it is empty' };
  if (/\s/.test(reference)) return { ok: false, reason: 'it contains white space' };
  let rest = reference;
  let digest: string | undefined;
  const at = rest.indexOf('@');
  if (at !== -1) {
    digest = rest.slice(at + 1);
    rest = rest.slice(0, at);
    if (!DIGEST.test(digest)) return { ok: false, reason: `"${digest}" is not a digest (algorithm:hex)` };
  }
  let tag: string | undefined;
  const colon = rest.lastIndexOf(':');
  if (colon > rest.lastIndexOf('/')) {
    tag = rest.slice(colon + 1);
    rest = rest.slice(0, colon);
    if (!TAG.test(tag)) return { ok: false, reason: `"${tag}" is not a valid tag` };
  }
  if (rest.length > MAX_NAME_LENGTH) return { ok: false, reason: `the name is longer than ${MAX_NAME_LENGTH} characters` };
  const components = rest.split('/');
  let registry = DOCKER_HUB;
  let explicitRegistry = false;
  if (components.length > 1 && isRegistry(components[0]!)) {
    registry = components.shift()!;
    explicitRegistry = true;
    if (!REGISTRY.test(registry)) return { ok: false, reason: `"${registry}" is not a registry host` };
  }
  for (const component of components) {
    if (!PATH_COMPONENT.test(component)) {
      return { ok: false, reason: component === '' ? 'its path has an empty component' : `"${component}" is not a valid path component (lower case letters, digits, separators)` };
    }
  }
  if (registry === 'index.docker.io') registry = DOCKER_HUB;
  const repository = registry === DOCKER_HUB && components.length === 1 ? `library/${components[0]}` : components.join('/');
  const image: ImageReference = { registry, explicitRegistry, repository, ...(tag !== undefined && { tag }), ...(digest !== undefined && { digest }) };
  return { ok: true, image };
}

/** Unrendered templating (`{{ .Values.image }}`, `${TAG}`): not a reference yet, so not judged as one. */
export function isTemplated(reference: string): boolean {
  return reference.includes('{{') || reference.includes('${') || reference.includes('$(');
}

/** The parsed reference of a container's image, or undefined when it is absent, templated or unparsable. */
export function imageOf(reference: string | undefined): ImageReference | undefined {
  if (reference === undefined || isTemplated(reference)) return undefined;
  const parsed = parseImage(reference);
  return parsed.ok ? parsed.image : undefined;
}

/** A tag that may point at other content tomorrow: none (implicitly `latest`) or `latest`, unless a digest pins it. */
export function hasMutableTag(image: ImageReference): boolean {
  return image.digest === undefined && (image.tag === undefined || image.tag === 'latest');
}
