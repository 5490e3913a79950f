/**
 * Runs the value detectors over every string of an object, in one walk with one reused path
 * stack. Secret `data` and ConfigMap `binaryData` are base64-decoded first; JSON embedded in a
 * string (last-applied-configuration) is parsed only when it hits or holds a Secret, to name the
 * inner key and to decode that Secret's data.
 */
import type { JsonValue } from '../k8s/model.js';
import { isObject } from '../k8s/json.js';
import type { PathSegment } from '../types.js';
import { decodeBase64Text } from './base64-text.js';
import { detectCredentials, type Detector } from './value-detectors.js';

export interface CredentialHit {
  /** Path of the string from the object's root. */
  readonly path: readonly PathSegment[];
  readonly detectors: readonly Detector[];
  /** The key the string belongs to: the map key, or the `name` beside a `value` (env vars). */
  readonly keyName?: string;
  /** The string was base64-decoded before the detectors ran. */
  readonly decoded: boolean;
  /** Key paths inside embedded JSON where the hits are. */
  readonly inner?: readonly (readonly PathSegment[])[];
}

export interface ScanOptions {
  disabled?: ReadonlySet<string>;
}

/** Strings larger than this are not parsed as embedded JSON (they are still scanned as text). */
const MAX_EMBEDDED_JSON = 4 * 1024 * 1024;

export function scanStrings(root: JsonValue, onHit: (hit: CredentialHit) => void, options: ScanOptions = {}): void {
  new Scanner(onHit, options.disabled).node(root, undefined, false);
}

class Scanner {
  private readonly path: PathSegment[] = [];

  constructor(
    private readonly onHit: (hit: CredentialHit) => void,
    private readonly disabled: ReadonlySet<string> | undefined,
  ) {}

  node(value: JsonValue, keyName: string | undefined, base64: boolean): void {
    if (typeof value === 'string') {
      this.string(value, keyName, base64);
    } else if (Array.isArray(value)) {
      for (let index = 0; index < value.length; index++) {
        this.path.push(index);
        this.node(value[index]!, keyName, base64);
        this.path.pop();
      }
    } else if (isObject(value)) {
      const encodedField = value.kind === 'Secret' ? 'data' : value.kind === 'ConfigMap' ? 'binaryData' : undefined;
      const siblingName = typeof value.name === 'string' ? value.name : undefined;
      for (const key of Object.keys(value)) {
        this.path.push(key);
        const child = value[key]!;
        if (key === encodedField && isObject(child)) {
          for (const dataKey of Object.keys(child)) {
            this.path.push(dataKey);
            this.node(child[dataKey]!, dataKey, true);
            this.path.pop();
          }
        } else {
          this.node(child, key === 'value' && siblingName !== undefined ? siblingName : key, base64);
        }
        this.path.pop();
      }
    }
  }

  private string(raw: string, keyName: string | undefined, base64: boolean): void {
    const text = base64 ? decodeBase64Text(raw) : raw;
    if (text === undefined) return;
    const detectors = detectCredentials(text, keyName, this.disabled);
    const embedded = looksLikeJson(text) && (detectors.length > 0 || text.includes('"Secret"')) ? this.embedded(text) : undefined;
    if (embedded && embedded.detectors.length > 0) {
      // Some detectors need the JSON text itself (`"auth": "..."`): keep what the raw scan found too.
      const all = [...embedded.detectors, ...detectors.filter((detector) => !embedded.detectors.includes(detector))];
      this.report({ detectors: all, keyName, decoded: base64, inner: embedded.inner });
    } else if (detectors.length > 0) {
      this.report({ detectors, keyName, decoded: base64 });
    }
  }

  /** Scans parsed JSON with a fresh scanner; its hits become inner paths of this string. */
  private embedded(text: string): { detectors: Detector[]; inner: PathSegment[][] } | undefined {
    let parsed: JsonValue;
    try {
      parsed = JSON.parse(text) as JsonValue;
    } catch {
      return undefined;
    }
    const detectors: Detector[] = [];
    const inner: PathSegment[][] = [];
    scanStrings(
      parsed,
      (hit) => {
        for (const detector of hit.detectors) if (!detectors.includes(detector)) detectors.push(detector);
        inner.push([...hit.path]);
      },
      { disabled: this.disabled },
    );
    return { detectors, inner };
  }

  private report(hit: Omit<CredentialHit, 'path'>): void {
    this.onHit({ ...hit, path: [...this.path] });
  }
}

function looksLikeJson(text: string): boolean {
  if (text.length > MAX_EMBEDDED_JSON) return false;
  for (let index = 0; index < text.length; index++) {
    const code = text.charCodeAt(index);
    if (code === 0x20 || code === 0x09 || code === 0x0a || code === 0x0d) continue;
    return code === 0x7b || code === 0x5b; // { or [
  }
  return false;
}

const URL_PASSWORD = /(:\/\/[^\s/:@]*:)[^\s/@]+@/g;

/** `spec.containers[0].env[2].value`, `metadata.annotations["kubectl.kubernetes.io/last-applied-configuration"]`. */
export function formatKeyPath(path: readonly PathSegment[]): string {
  let out = '';
  for (const written of path) {
    // A registry URL used as a key (`auths` of a .dockerconfigjson) may carry the password itself.
    const segment = typeof written === 'string' ? written.replace(URL_PASSWORD, '$1****@') : written;
    if (typeof segment === 'number') out += `[${segment}]`;
    else if (/^[A-Za-z_][A-Za-z0-9_-]*$/.test(segment)) out += out === '' ? segment : `.${segment}`;
    else out += `[${JSON.stringify(segment)}]`;
  }
  return out;
}
