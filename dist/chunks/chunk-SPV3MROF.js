import { createRequire as __kmlintCreateRequire } from 'node:module';
const require = __kmlintCreateRequire(import.meta.url);

// src/engine/define-rule.ts
function defineRule(rule) {
  return rule;
}

// src/rules/duplicate-key.ts
var duplicate_key_default = defineRule({
  meta: {
    id: "duplicate-key",
    category: "schema",
    level: "error",
    presets: ["recommended", "pss-baseline", "pss-restricted"],
    summary: "A mapping repeats a key; kubectl with strict validation rejects it, and lenient readers silently keep the last value.",
    remediation: "Remove or rename the repeated key so each key appears once in its mapping.",
    messages: { duplicate: 'Map keys must be unique; "{{key}}" is repeated.' }
  },
  create: () => ({})
});

// src/k8s/pod-view.ts
var CONTAINER_LISTS = [
  ["initContainers", "initContainer"],
  ["containers", "container"],
  ["ephemeralContainers", "ephemeralContainer"]
];
function isObject(value) {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}
function valueAt(root, path2) {
  let current = root;
  for (const segment of path2) {
    if (typeof segment === "number") {
      if (!Array.isArray(current)) return void 0;
      current = current[segment];
    } else {
      if (!isObject(current) || !Object.hasOwn(current, segment)) return void 0;
      current = current[segment];
    }
  }
  return current;
}
function buildPodView(object, objectPath, workload) {
  const spec = valueAt(object, workload.podSpec);
  if (!isObject(spec)) return void 0;
  const path2 = [...objectPath, ...workload.podSpec];
  const metadata = valueAt(object, workload.podMetadata);
  const podSecurity = isObject(spec.securityContext) ? spec.securityContext : void 0;
  const podSecurityPath = [...path2, "securityContext"];
  const containers = [];
  for (const [list, role] of CONTAINER_LISTS) {
    const items = spec[list];
    if (!Array.isArray(items)) continue;
    items.forEach((item, index) => {
      if (!isObject(item)) return;
      const containerPath = [...path2, list, index];
      containers.push({
        role,
        name: typeof item.name === "string" ? item.name : `#${index}`,
        value: item,
        path: containerPath,
        securityContext: effectiveSecurityContext(item, containerPath, podSecurity, podSecurityPath)
      });
    });
  }
  const volumes = [];
  if (Array.isArray(spec.volumes)) {
    spec.volumes.forEach((volume, index) => {
      if (isObject(volume)) volumes.push({ value: volume, path: [...path2, "volumes", index] });
    });
  }
  const os = isObject(spec.os) ? spec.os.name : void 0;
  return {
    spec,
    path: path2,
    metadata: isObject(metadata) ? metadata : void 0,
    metadataPath: [...objectPath, ...workload.podMetadata],
    containers,
    volumes,
    isWindows: os === "windows",
    userNamespace: spec.hostUsers === false
  };
}
var isBoolean = (value) => typeof value === "boolean";
var isNumber = (value) => typeof value === "number";
var isString = (value) => typeof value === "string";
var isStringList = (value) => Array.isArray(value) && value.every((item) => typeof item === "string");
var isStringMap = (value) => isObject(value) && Object.values(value).every((item) => typeof item === "string");
function setting(context, contextPath, path2, guard) {
  const value = context ? valueAt(context, path2) : void 0;
  return guard(value) ? { value, path: [...contextPath, ...path2] } : void 0;
}
function effectiveSecurityContext(container, containerPath, pod, podPath) {
  const own = isObject(container.securityContext) ? container.securityContext : void 0;
  const ownPath = [...containerPath, "securityContext"];
  const both = (path2, guard) => setting(own, ownPath, path2, guard) ?? setting(pod, podPath, path2, guard);
  const mine = (path2, guard) => setting(own, ownPath, path2, guard);
  return {
    runAsNonRoot: both(["runAsNonRoot"], isBoolean),
    runAsUser: both(["runAsUser"], isNumber),
    runAsGroup: both(["runAsGroup"], isNumber),
    seccompProfileType: both(["seccompProfile", "type"], isString),
    appArmorProfileType: both(["appArmorProfile", "type"], isString),
    seLinuxOptions: both(["seLinuxOptions"], isStringMap),
    windowsHostProcess: both(["windowsOptions", "hostProcess"], isBoolean),
    privileged: mine(["privileged"], isBoolean),
    allowPrivilegeEscalation: mine(["allowPrivilegeEscalation"], isBoolean),
    readOnlyRootFilesystem: mine(["readOnlyRootFilesystem"], isBoolean),
    procMount: mine(["procMount"], isString),
    capabilitiesAdd: mine(["capabilities", "add"], isStringList),
    capabilitiesDrop: mine(["capabilities", "drop"], isStringList)
  };
}

// src/secrets/base64-text.ts
var BASE64 = /^[A-Za-z0-9+/\r\n]*={0,2}\s*$/;
var UTF8 = new TextDecoder("utf-8", { fatal: true });
var BINARY = /[\u0000-\u0008\u000e-\u001f\u007f]/;
function decodeBase64Text(encoded) {
  if (encoded.length === 0 || !BASE64.test(encoded)) return void 0;
  let text;
  try {
    text = UTF8.decode(Buffer.from(encoded, "base64"));
  } catch {
    return void 0;
  }
  return BINARY.test(text) ? void 0 : text;
}

// src/secrets/placeholders.ts
var BOOLEAN = /^(?:true|false|yes|no|on|off|y|n)$/i;
var NUMBER = /^[+-]?(?:\d+(?:\.\d*)?|\.\d+)(?:e[+-]?\d+)?$/i;
var DURATION_OR_QUANTITY = /^\d+(?:\.\d+)?(?:(?:ns|us|µs|ms|s|m|h|d|w)(?:\d+(?:\.\d+)?(?:ns|us|µs|ms|s|m|h))*|[KMGTPE]i?|k)$/;
var REFERENCE = /\$\(|\$\{|\{\{|\$__[a-z]+\{|%\([\w.-]+\)s|^%[\w.-]+%$|^\$[A-Za-z_][A-Za-z0-9_]*$/;
var BRACKETED = /^(?:<[^<>]*>|\[[^[\]]*\]|__[A-Za-z0-9_]+__|@@[A-Za-z0-9_]+@@)$/;
var FILLER = /^(?:(.)\1{2,}|replace[_-]?me|todo|tbd|fixme|placeholder|redacted|none|null|nil|undefined|unset|n\/a|-)$/i;
var SLOT_NAME = /^(?:[A-Z0-9]+_)*(?:INSERT|YOUR|REPLACE|ENTER|FILL|PLACEHOLDER|TODO|VAL|VALUE|HERE)(?:_[A-Z0-9]+)*$/;
var FILE_PATH = /^(?:~|\.{1,2})?(?:\/[A-Za-z0-9._@+-]+)+\/?$|^[A-Za-z]:\\[^\s]*$/;
var RANDOM_SEGMENT = /(?=[^/]*[a-z])(?=[^/]*[A-Z])(?=[^/]*\d)[^/]{16,}/;
function isPlaceholderValue(value) {
  const text = value.trim();
  if (text.length === 0) return true;
  if (text.length <= 5 && BOOLEAN.test(text)) return true;
  if (NUMBER.test(text) || DURATION_OR_QUANTITY.test(text)) return true;
  if (REFERENCE.test(text) || BRACKETED.test(text) || FILLER.test(text) || SLOT_NAME.test(text)) return true;
  return isFilePath(text);
}
function isFilePath(text) {
  if (!FILE_PATH.test(text)) return false;
  return !RANDOM_SEGMENT.test(text) && !text.endsWith("=");
}
var USERINFO = /[A-Za-z][A-Za-z0-9+.-]*:\/\/[^\s/:@"'<>]*:([^\s/@"'<>]+)@[A-Za-z0-9[]/;
var SLOT_WORDS = /^(?:password|passwd|pass|pwd|pw|secret|user|username)$/i;
function isLiteralUrlPassword(password) {
  return !isPlaceholderValue(password) && !SLOT_WORDS.test(password);
}
function hasUserinfoPassword(value) {
  if (!value.includes("@")) return false;
  const match = USERINFO.exec(value);
  return match !== null && isLiteralUrlPassword(match[1]);
}

// src/secrets/value-detectors.ts
var DETECTORS = [
  {
    id: "aws-access-key-id",
    title: "AWS access key ID",
    anchors: ["AKIA", "ASIA", "AGPA", "AIDA", "AROA", "AIPA", "ANPA", "ANVA", "A3T"],
    pattern: /(?<![A-Z0-9])(?:A3T[A-Z0-9]|AKIA|ASIA|AGPA|AIDA|AROA|AIPA|ANPA|ANVA)[A-Z0-9]{16}(?![A-Za-z0-9])/
  },
  {
    id: "aws-secret-access-key",
    title: "AWS secret access key",
    anchors: ["ecret_access_key", "ECRET_ACCESS_KEY", "ecretAccessKey", "ws_secret", "WS_SECRET"],
    pattern: /(?:secret_?access_?key|aws_?secret)["']?\s*[:=]\s*["']?[A-Za-z0-9/+]{40}(?![A-Za-z0-9/+=])/i
  },
  {
    id: "github-token",
    title: "GitHub token",
    anchors: ["ghp_", "gho_", "ghu_", "ghs_", "ghr_", "github_pat_"],
    pattern: /(?<![A-Za-z0-9_])(?:gh[pousr]_[A-Za-z0-9]{36}|github_pat_[A-Za-z0-9]{22}_[A-Za-z0-9]{59})(?![A-Za-z0-9])/
  },
  {
    id: "gitlab-token",
    title: "GitLab personal access token",
    anchors: ["glpat-"],
    pattern: /(?<![A-Za-z0-9])glpat-[A-Za-z0-9_-]{20,}(?![A-Za-z0-9_-])/
  },
  {
    id: "slack-token",
    title: "Slack token",
    anchors: ["xox", "xapp-"],
    pattern: /(?<![A-Za-z0-9])(?:xox[abposr]-\d{6,}-[0-9A-Za-z-]{8,}|xapp-\d-[A-Z0-9]{8,}-\d+-[a-f0-9]{16,})/
  },
  {
    id: "slack-webhook",
    title: "Slack webhook URL",
    anchors: ["hooks.slack.com"],
    pattern: /hooks\.slack\.com\/(?:services|workflows)\/T[A-Z0-9]{6,}\/[AB][A-Z0-9]{6,}\/[A-Za-z0-9]{16,}/
  },
  {
    id: "stripe-secret-key",
    title: "Stripe live secret key",
    anchors: ["k_live_"],
    pattern: /(?<![A-Za-z0-9])[sr]k_live_[0-9A-Za-z]{20,}(?![A-Za-z0-9])/
  },
  {
    id: "google-api-key",
    title: "Google API key",
    anchors: ["AIza"],
    pattern: /(?<![A-Za-z0-9_-])AIza[0-9A-Za-z_-]{35}(?![A-Za-z0-9_-])/
  },
  {
    id: "gcp-service-account",
    title: "Google Cloud service-account key",
    anchors: ["service_account"],
    pattern: /"type"\s*:\s*"service_account"/,
    verify: (_match, text) => text.includes('"private_key"'),
    covers: ["private-key"]
  },
  {
    id: "private-key",
    title: "Private key",
    anchors: ["PRIVATE KEY"],
    pattern: /-----BEGIN[A-Z ]{0,20} PRIVATE KEY(?: BLOCK)?-----/,
    // A header alone (documentation, a commented template) is not a key: require key material after it.
    verify: (match, text) => /[A-Za-z0-9+/]{40}/.test(text.slice(match.index + match[0].length, match.index + match[0].length + 400))
  },
  {
    id: "jwt",
    title: "JSON Web Token",
    anchors: ["eyJ"],
    pattern: /(?<![A-Za-z0-9_-])eyJ[A-Za-z0-9_-]{8,}\.eyJ[A-Za-z0-9_-]{8,}\.[A-Za-z0-9_-]{8,}/
  },
  {
    id: "url-password",
    title: "Password in a URL",
    anchors: ["://"],
    requires: "@",
    pattern: /[A-Za-z][A-Za-z0-9+.-]*:\/\/[^\s/:@"'<>]*:([^\s/@"'<>]+)@[A-Za-z0-9[]/,
    verify: (match) => isLiteralUrlPassword(match[1])
  },
  {
    id: "http-basic-auth",
    title: "HTTP basic authentication header",
    anchors: ["Basic "],
    pattern: /[Aa]uthorization["']?\s*[:=]\s*["']?Basic\s+([A-Za-z0-9+/]{8,}={0,2})/,
    verify: (match) => Buffer.from(match[1], "base64").toString("latin1").includes(":")
  },
  {
    id: "docker-registry-auth",
    title: "Container registry login",
    anchors: ['"auth"'],
    // .dockerconfigjson: `"auth": base64("user:password")`.
    pattern: /"auth"\s*:\s*"([A-Za-z0-9+/]{8,}={0,2})"/,
    verify: (match) => {
      const decoded = Buffer.from(match[1], "base64").toString("utf8");
      const colon = decoded.indexOf(":");
      return colon > 0 && isLiteralUrlPassword(decoded.slice(colon + 1));
    }
  },
  {
    id: "npm-token",
    title: "npm access token",
    anchors: ["npm_", "_authToken"],
    pattern: /(?<![A-Za-z0-9_])npm_[A-Za-z0-9]{36}(?![A-Za-z0-9])|_authToken\s*=\s*([^\s"']+)/,
    verify: (match) => match[1] === void 0 || !isPlaceholderValue(match[1])
  },
  {
    id: "twilio-api-key",
    title: "Twilio API key",
    anchors: ["SK"],
    pattern: /(?<![A-Za-z0-9])SK[0-9a-f]{32}(?![A-Za-z0-9])/
  },
  {
    id: "sendgrid-api-key",
    title: "SendGrid API key",
    anchors: ["SG."],
    pattern: /(?<![A-Za-z0-9])SG\.[A-Za-z0-9_-]{22}\.[A-Za-z0-9_-]{43}(?![A-Za-z0-9_-])/
  },
  {
    id: "hugging-face-token",
    title: "Hugging Face access token",
    anchors: ["hf_"],
    pattern: /(?<![A-Za-z0-9_])hf_[A-Za-z0-9]{34,40}(?![A-Za-z0-9])/
  },
  {
    id: "azure-storage-key",
    title: "Azure storage account key",
    anchors: ["AccountKey=", "SharedAccessKey="],
    pattern: /(?:AccountKey|SharedAccessKey)=[A-Za-z0-9+/]{40,}={0,2}/
  }
];
var DETECTOR_IDS = DETECTORS.map((detector) => detector.id);
var PREFILTER = new RegExp(trieAlternation([...new Set(DETECTORS.flatMap((detector) => detector.anchors))]));
function trieAlternation(words) {
  if (words.includes("")) return "";
  const byFirst = /* @__PURE__ */ new Map();
  for (const word of words) byFirst.set(word[0], [...byFirst.get(word[0]) ?? [], word.slice(1)]);
  const branches = [...byFirst].map(([first, rests]) => first.replace(/[.*+?^${}()|[\]\\/]/g, "\\$&") + trieAlternation(rests));
  return branches.length === 1 ? branches[0] : `(?:${branches.join("|")})`;
}
var MIN_LENGTH = 9;
var AWS_SECRET_NAME = /aws.?secret|secret.?access.?key/i;
var AWS_SECRET_VALUE = /^[A-Za-z0-9/+]{40}$/;
var NONE = Object.freeze([]);
function detectCredentials(text, keyName, disabled) {
  let hits;
  if (keyName !== void 0 && text.length === 40 && AWS_SECRET_NAME.test(keyName) && AWS_SECRET_VALUE.test(text)) {
    hits = [AWS_SECRET_BY_NAME];
  }
  if (text.length < MIN_LENGTH || !PREFILTER.test(text)) return finish(hits, disabled);
  for (const detector of DETECTORS) {
    if (hits?.includes(detector)) continue;
    if (!detector.anchors.some((anchor) => text.includes(anchor))) continue;
    if (detector.requires !== void 0 && !text.includes(detector.requires)) continue;
    const match = detector.pattern.exec(text);
    if (match && (!detector.verify || detector.verify(match, text))) (hits ??= []).push(detector);
  }
  return finish(hits, disabled);
}
var AWS_SECRET_BY_NAME = DETECTORS.find((detector) => detector.id === "aws-secret-access-key");
function finish(hits, disabled) {
  if (!hits) return NONE;
  const covered = new Set(hits.flatMap((hit) => hit.covers ?? []));
  const kept = hits.filter((hit) => !covered.has(hit.id) && !disabled?.has(hit.id));
  return kept.length > 0 ? kept : NONE;
}

// src/secrets/scan-strings.ts
var MAX_EMBEDDED_JSON = 4 * 1024 * 1024;
function scanStrings(root, onHit, options = {}) {
  new Scanner(onHit, options.disabled).node(root, void 0, false);
}
var Scanner = class {
  constructor(onHit, disabled) {
    this.onHit = onHit;
    this.disabled = disabled;
  }
  onHit;
  disabled;
  path = [];
  node(value, keyName, base64) {
    if (typeof value === "string") {
      this.string(value, keyName, base64);
    } else if (Array.isArray(value)) {
      for (let index = 0; index < value.length; index++) {
        this.path.push(index);
        this.node(value[index], keyName, base64);
        this.path.pop();
      }
    } else if (isObject(value)) {
      const encodedField = value.kind === "Secret" ? "data" : value.kind === "ConfigMap" ? "binaryData" : void 0;
      const siblingName = typeof value.name === "string" ? value.name : void 0;
      for (const key of Object.keys(value)) {
        this.path.push(key);
        const child = value[key];
        if (key === encodedField && isObject(child)) {
          for (const dataKey of Object.keys(child)) {
            this.path.push(dataKey);
            this.node(child[dataKey], dataKey, true);
            this.path.pop();
          }
        } else {
          this.node(child, key === "value" && siblingName !== void 0 ? siblingName : key, base64);
        }
        this.path.pop();
      }
    }
  }
  string(raw, keyName, base64) {
    const text = base64 ? decodeBase64Text(raw) : raw;
    if (text === void 0) return;
    const detectors = detectCredentials(text, keyName, this.disabled);
    const embedded = looksLikeJson(text) && (detectors.length > 0 || text.includes('"Secret"')) ? this.embedded(text) : void 0;
    if (embedded && embedded.detectors.length > 0) {
      const all = [...embedded.detectors, ...detectors.filter((detector) => !embedded.detectors.includes(detector))];
      this.report({ detectors: all, keyName, decoded: base64, inner: embedded.inner });
    } else if (detectors.length > 0) {
      this.report({ detectors, keyName, decoded: base64 });
    }
  }
  /** Scans parsed JSON with a fresh scanner; its hits become inner paths of this string. */
  embedded(text) {
    let parsed;
    try {
      parsed = JSON.parse(text);
    } catch {
      return void 0;
    }
    const detectors = [];
    const inner = [];
    scanStrings(
      parsed,
      (hit) => {
        for (const detector of hit.detectors) if (!detectors.includes(detector)) detectors.push(detector);
        inner.push([...hit.path]);
      },
      { disabled: this.disabled }
    );
    return { detectors, inner };
  }
  report(hit) {
    this.onHit({ ...hit, path: [...this.path] });
  }
};
function looksLikeJson(text) {
  if (text.length > MAX_EMBEDDED_JSON) return false;
  for (let index = 0; index < text.length; index++) {
    const code = text.charCodeAt(index);
    if (code === 32 || code === 9 || code === 10 || code === 13) continue;
    return code === 123 || code === 91;
  }
  return false;
}
function formatKeyPath(path2) {
  let out = "";
  for (const segment of path2) {
    if (typeof segment === "number") out += `[${segment}]`;
    else if (/^[A-Za-z_][A-Za-z0-9_-]*$/.test(segment)) out += out === "" ? segment : `.${segment}`;
    else out += `[${JSON.stringify(segment)}]`;
  }
  return out;
}

// src/rules/hardcoded-credential-pattern.ts
function describe(hit) {
  const titles = hit.detectors.map((detector2) => detector2.title);
  const detector = titles.length > 1 ? `${titles.slice(0, -1).join(", ")} and ${titles.at(-1)}` : titles[0];
  const named = hit.path.at(-1) === "value" && hit.keyName !== void 0 && hit.keyName !== "value" ? ` (${JSON.stringify(hit.keyName)})` : "";
  const inner = (hit.inner ?? []).slice(0, 3).map(formatKeyPath).join(", ");
  const more = (hit.inner?.length ?? 0) > 3 ? ` and ${hit.inner.length - 3} more` : "";
  return { detector, location: `${formatKeyPath(hit.path)}${named}`, inner: `${inner}${more}` };
}
var hardcoded_credential_pattern_default = defineRule({
  meta: {
    id: "hardcoded-credential-pattern",
    category: "security",
    level: "error",
    securitySeverity: 8.5,
    presets: ["recommended"],
    tags: ["secret"],
    summary: "No string of any object may hold a value in a known credential format (cloud and SaaS API keys, tokens, private keys, JWTs, URLs with a password), including base64-decoded Secret data, annotations and custom resources.",
    remediation: "Revoke and rotate the credential, remove it from the manifest and its Git history, and load it at run time from a Secret managed outside the repository (External Secrets, Sealed Secrets, SOPS or a vault).",
    messages: {
      found: "{{detector}} found in {{location}}.",
      foundDecoded: "{{detector}} found in {{location}} once base64-decoded.",
      foundEmbedded: "{{detector}} found in the JSON embedded in {{location}}, at {{inner}}."
    },
    options: {
      type: "object",
      properties: {
        disabledDetectors: {
          type: "array",
          items: { type: "string", enum: [...DETECTOR_IDS] },
          uniqueItems: true,
          description: 'Detectors to turn off, by id (e.g. "jwt" when test tokens are committed on purpose).'
        }
      },
      additionalProperties: false
    },
    defaultOptions: { disabledDetectors: [] }
  },
  create(context) {
    const disabled = new Set(context.options.disabledDetectors ?? []);
    return {
      object(object) {
        scanStrings(
          object.value,
          (hit) => {
            const messageId = hit.inner ? "foundEmbedded" : hit.decoded ? "foundDecoded" : "found";
            context.report({ messageId, data: describe(hit), at: [...object.path, ...hit.path] });
          },
          { disabled }
        );
      }
    };
  }
});

// src/rules/host-ipc.ts
var host_ipc_default = defineRule({
  meta: {
    id: "host-ipc",
    category: "security",
    level: "error",
    securitySeverity: 7.5,
    presets: ["recommended", "pss-baseline", "pss-restricted"],
    pss: { profile: "baseline", control: "Host Namespaces" },
    summary: "Pods must not use the node's IPC namespace (hostIPC: true): they can then read and write the shared memory of every process on the node.",
    remediation: "Remove spec.hostIPC or set it to false; share memory between the containers of one pod through an emptyDir volume with medium: Memory.",
    messages: {
      hostIPC: "Pod shares the IPC namespace of the node (hostIPC: true)."
    }
  },
  create(context) {
    return {
      podSpec(pod) {
        if (pod.spec.hostIPC === true) context.report({ messageId: "hostIPC", at: [...pod.path, "hostIPC"] });
      }
    };
  }
});

// src/rules/host-network.ts
var host_network_default = defineRule({
  meta: {
    id: "host-network",
    category: "security",
    level: "error",
    securitySeverity: 8,
    presets: ["recommended", "pss-baseline", "pss-restricted"],
    pss: { profile: "baseline", control: "Host Namespaces" },
    summary: "Pods must not use the node's network namespace (hostNetwork: true): they can then bind any node port, reach services listening on localhost and sniff the node's traffic.",
    remediation: "Remove spec.hostNetwork or set it to false; expose the pod through a Service, or a hostPort if it really must answer on the node address.",
    messages: {
      hostNetwork: "Pod shares the network namespace of the node (hostNetwork: true)."
    }
  },
  create(context) {
    return {
      podSpec(pod) {
        if (pod.spec.hostNetwork === true) context.report({ messageId: "hostNetwork", at: [...pod.path, "hostNetwork"] });
      }
    };
  }
});

// src/rules/host-path-volume.ts
import path from "node:path";
function normalise(nodePath) {
  const normalised = path.posix.normalize(`/${nodePath}`);
  return normalised.length > 1 ? normalised.replace(/\/+$/, "") : normalised;
}
function isAllowed(nodePath, allowed) {
  const target = normalise(nodePath);
  return allowed.some((prefix) => {
    const base = normalise(prefix);
    return base === "/" || target === base || target.startsWith(`${base}/`);
  });
}
var host_path_volume_default = defineRule({
  meta: {
    id: "host-path-volume",
    category: "security",
    level: "error",
    securitySeverity: 7,
    presets: ["recommended", "pss-baseline", "pss-restricted"],
    pss: { profile: "baseline", control: "HostPath Volumes" },
    summary: "Pod specs must not mount directories of the node (hostPath volumes), which expose node files and credentials to the container and let it escape to the node; paths under an allowed prefix are accepted.",
    remediation: "Replace the hostPath volume with an emptyDir, a ConfigMap or Secret, or a PersistentVolumeClaim, or add the node path to allowedPaths if the workload is a trusted node agent.",
    messages: {
      hostPath: 'Volume "{{volume}}" mounts the node path "{{path}}".',
      hostPathUnset: 'Volume "{{volume}}" is a hostPath volume without a path.'
    },
    options: {
      type: "object",
      properties: {
        allowedPaths: {
          type: "array",
          items: { type: "string", minLength: 1 },
          description: 'Node paths that may be mounted, each with everything below it: "/var/log" allows "/var/log" and "/var/log/pods", not "/var/logs"; paths are normalised first, so "/var/log/../../etc" is not allowed.'
        }
      },
      additionalProperties: false
    },
    defaultOptions: { allowedPaths: [] }
  },
  create(context) {
    const allowed = context.options.allowedPaths ?? [];
    return {
      podSpec(pod) {
        for (const volume of pod.volumes) {
          const hostPath = volume.value.hostPath;
          if (!isObject(hostPath)) continue;
          const volumeName = typeof volume.value.name === "string" ? volume.value.name : `#${String(volume.path.at(-1))}`;
          const at = [...volume.path, "hostPath"];
          const nodePath = hostPath.path;
          if (typeof nodePath !== "string" || nodePath === "") {
            context.report({ messageId: "hostPathUnset", data: { volume: volumeName }, at });
            continue;
          }
          if (isAllowed(nodePath, allowed)) continue;
          context.report({ messageId: "hostPath", data: { volume: volumeName, path: nodePath }, at });
        }
      }
    };
  }
});

// src/rules/host-pid.ts
var host_pid_default = defineRule({
  meta: {
    id: "host-pid",
    category: "security",
    level: "error",
    securitySeverity: 8.5,
    presets: ["recommended", "pss-baseline", "pss-restricted"],
    pss: { profile: "baseline", control: "Host Namespaces" },
    summary: "Pods must not use the node's process namespace (hostPID: true): they can then see and signal every process on the node and read their environment.",
    remediation: "Remove spec.hostPID or set it to false; use shareProcessNamespace to share processes between the containers of one pod.",
    messages: {
      hostPID: "Pod shares the process namespace of the node (hostPID: true)."
    }
  },
  create(context) {
    return {
      podSpec(pod) {
        if (pod.spec.hostPID === true) context.report({ messageId: "hostPID", at: [...pod.path, "hostPID"] });
      }
    };
  }
});

// src/rules/internal-error.ts
var internal_error_default = defineRule({
  meta: {
    id: "internal-error",
    category: "schema",
    level: "error",
    presets: ["recommended", "pss-baseline", "pss-restricted"],
    summary: "A kmlint rule failed on an object; the other rules and objects were still linted.",
    remediation: "Report the message and the object to the kmlint maintainers.",
    messages: { crashed: 'Rule "{{rule}}" failed on {{object}}: {{reason}}' }
  },
  create: () => ({})
});

// src/k8s/resources.ts
function declaresResources(container) {
  if (container.role === "container") return true;
  if (container.role === "initContainer") return valueAt(container.value, ["restartPolicy"]) === "Always";
  return false;
}
function containerHasResource(container, section, name) {
  return isSet(valueAt(container.value, ["resources", section, name]));
}
function podHasResource(pod, section, name) {
  return isSet(valueAt(pod.spec, ["resources", section, name]));
}
function resourcePath(container, section, name) {
  return [...container.path, "resources", section, name];
}
function missingResource(container, pod, section, name) {
  if (!declaresResources(container)) return void 0;
  if (containerHasResource(container, section, name) || podHasResource(pod, section, name)) return void 0;
  if (section === "requests" && (containerHasResource(container, "limits", name) || podHasResource(pod, "limits", name))) {
    return void 0;
  }
  return resourcePath(container, section, name);
}
function isSet(value) {
  return value !== void 0 && value !== null;
}

// src/rules/missing-cpu-limit.ts
var missing_cpu_limit_default = defineRule({
  meta: {
    id: "missing-cpu-limit",
    category: "efficiency",
    level: "note",
    presets: [],
    summary: "Containers may set a CPU limit to cap their share of the node; opt-in (only in the `all` preset) because CPU limits throttle bursty workloads; app containers and sidecar init containers count, classic init and ephemeral containers do not, and a pod-level limit covers every container.",
    remediation: "Set resources.limits.cpu on the container (or spec.resources.limits.cpu on the pod) if the workload must not use more than a fixed share of CPU.",
    messages: {
      missing: 'Container "{{container}}" has no CPU limit.'
    }
  },
  create(context) {
    return {
      container(container, pod) {
        const at = missingResource(container, pod, "limits", "cpu");
        if (at) context.report({ messageId: "missing", data: { container: container.name }, at });
      }
    };
  }
});

// src/rules/missing-cpu-request.ts
var missing_cpu_request_default = defineRule({
  meta: {
    id: "missing-cpu-request",
    category: "efficiency",
    level: "warning",
    presets: ["recommended"],
    summary: "Containers should request CPU so the scheduler places them on a node with room for them and they get a fair share under contention; a CPU limit alone is enough (the request defaults to it), as is a pod-level request or limit; classic init containers and ephemeral containers are not checked.",
    remediation: "Set resources.requests.cpu on the container to the CPU it typically uses.",
    messages: {
      missing: 'Container "{{container}}" has no CPU request.'
    }
  },
  create(context) {
    return {
      container(container, pod) {
        const at = missingResource(container, pod, "requests", "cpu");
        if (at) context.report({ messageId: "missing", data: { container: container.name }, at });
      }
    };
  }
});

// src/rules/missing-memory-limit.ts
var missing_memory_limit_default = defineRule({
  meta: {
    id: "missing-memory-limit",
    category: "reliability",
    level: "warning",
    presets: ["recommended"],
    summary: "Containers should set a memory limit: without one a container can use all the memory of the node and get other pods evicted or OOM-killed; app containers and sidecar init containers (restartPolicy: Always) count, classic init containers and ephemeral containers do not, and a pod-level limit (spec.resources) covers every container.",
    remediation: "Set resources.limits.memory on the container (or spec.resources.limits.memory on the pod) to the most memory the process may use.",
    messages: {
      missing: 'Container "{{container}}" has no memory limit.'
    }
  },
  create(context) {
    return {
      container(container, pod) {
        const at = missingResource(container, pod, "limits", "memory");
        if (at) context.report({ messageId: "missing", data: { container: container.name }, at });
      }
    };
  }
});

// src/rules/missing-memory-request.ts
var missing_memory_request_default = defineRule({
  meta: {
    id: "missing-memory-request",
    category: "efficiency",
    level: "warning",
    presets: ["recommended"],
    summary: "Containers should request memory so the scheduler places them on a node with room for them; a memory limit alone is enough (the request defaults to it), as is a pod-level request or limit; classic init containers and ephemeral containers are not checked.",
    remediation: "Set resources.requests.memory on the container to the memory it typically uses.",
    messages: {
      missing: 'Container "{{container}}" has no memory request.'
    }
  },
  create(context) {
    return {
      container(container, pod) {
        const at = missingResource(container, pod, "requests", "memory");
        if (at) context.report({ messageId: "missing", data: { container: container.name }, at });
      }
    };
  }
});

// src/rules/missing-read-only-root-fs.ts
var missing_read_only_root_fs_default = defineRule({
  meta: {
    id: "missing-read-only-root-fs",
    category: "security",
    level: "warning",
    securitySeverity: 4,
    presets: ["recommended"],
    summary: "Containers should mount their root filesystem read-only (readOnlyRootFilesystem: true), so an intruder cannot replace binaries or drop tools into the image; Windows pods are skipped.",
    remediation: "Set securityContext.readOnlyRootFilesystem: true on the container and mount an emptyDir volume wherever the process must write (for example /tmp).",
    messages: {
      writable: 'Container "{{container}}" sets readOnlyRootFilesystem: false.',
      unset: 'Container "{{container}}" does not set readOnlyRootFilesystem: true; its root filesystem is writable.'
    }
  },
  create(context) {
    return {
      container(container, pod) {
        if (pod.isWindows) return;
        const setting2 = container.securityContext.readOnlyRootFilesystem;
        if (setting2?.value === true) return;
        const data = { container: container.name };
        if (setting2) context.report({ messageId: "writable", data, at: setting2.path });
        else context.report({ messageId: "unset", data, at: [...container.path, "securityContext", "readOnlyRootFilesystem"] });
      }
    };
  }
});

// src/rules/missing-run-as-non-root.ts
function isWithin(path2, prefix) {
  return prefix.every((segment, index) => path2[index] === segment);
}
var missing_run_as_non_root_default = defineRule({
  meta: {
    id: "missing-run-as-non-root",
    category: "security",
    level: "warning",
    securitySeverity: 6,
    presets: ["recommended", "pss-restricted"],
    pss: { profile: "restricted", control: "Running as Non-root" },
    summary: "Every container must run with an effective runAsNonRoot: true (its own, or the pod-level value it inherits), so the kubelet refuses to start an image whose user is root; a non-zero runAsUser alone does not satisfy the Restricted profile, and pods with hostUsers: false are exempt.",
    remediation: "Set securityContext.runAsNonRoot: true on the pod (or on each container), and run the image as a non-root user.",
    messages: {
      containerFalse: 'Container "{{container}}" sets runAsNonRoot: false.',
      podFalse: "The pod sets runAsNonRoot: false, which {{containers}} inherit.",
      unset: 'Container "{{container}}" may run as root: runAsNonRoot is set neither on the container nor on the pod.',
      unsetWithUser: 'Container "{{container}}" runs as user {{user}} but does not set runAsNonRoot: true (on the container or the pod), which the Restricted profile requires.'
    }
  },
  create(context) {
    return {
      podSpec(pod) {
        if (pod.userNamespace) return;
        const inheritingFalse = [];
        let podFalsePath;
        for (const container of pod.containers) {
          const { runAsNonRoot, runAsUser } = container.securityContext;
          if (runAsNonRoot?.value === true) continue;
          if (runAsNonRoot) {
            if (isWithin(runAsNonRoot.path, container.path)) {
              context.report({ messageId: "containerFalse", data: { container: container.name }, at: runAsNonRoot.path });
            } else {
              inheritingFalse.push(`"${container.name}"`);
              podFalsePath = runAsNonRoot.path;
            }
            continue;
          }
          const at = [...container.path, "securityContext", "runAsNonRoot"];
          if (runAsUser && runAsUser.value > 0) {
            context.report({ messageId: "unsetWithUser", data: { container: container.name, user: runAsUser.value }, at });
          } else {
            context.report({ messageId: "unset", data: { container: container.name }, at });
          }
        }
        if (podFalsePath) {
          const containers = inheritingFalse.length === 1 ? `container ${inheritingFalse[0]}` : `containers ${inheritingFalse.join(", ")}`;
          context.report({ messageId: "podFalse", data: { containers }, at: podFalsePath });
        }
      }
    };
  }
});

// src/rules/plaintext-secret-object.ts
function filledKeys(field, encoded) {
  if (!isObject(field)) return 0;
  let count = 0;
  for (const value of Object.values(field)) {
    if (typeof value !== "string") continue;
    const text = encoded ? decodeBase64Text(value) ?? value : value;
    if (!isPlaceholderValue(text)) count++;
  }
  return count;
}
var plaintext_secret_object_default = defineRule({
  meta: {
    id: "plaintext-secret-object",
    category: "security",
    level: "warning",
    securitySeverity: 6,
    presets: ["recommended"],
    tags: ["secret"],
    summary: "Secret objects must not be committed with their values: `data` is only base64-encoded and `stringData` is plain text, so anyone who can read the repository can read the secret.",
    remediation: "Remove the Secret from the manifests and create it from an encrypted source instead (Sealed Secrets, External Secrets, SOPS) or at deploy time.",
    messages: {
      plaintextData: 'Secret "{{name}}" commits {{count}} base64-encoded value(s) in data; base64 is an encoding, not encryption.',
      plaintextStringData: 'Secret "{{name}}" commits {{count}} plain-text value(s) in stringData.'
    }
  },
  create(context) {
    return {
      object(object) {
        if (object.kind !== "Secret" || object.apiVersion !== "v1") return;
        const value = object.value;
        if (isObject(value.sops)) return;
        const name = object.name ?? "(unnamed)";
        const data = filledKeys(value.data, true);
        if (data > 0) {
          context.report({ messageId: "plaintextData", data: { name, count: data }, at: [...object.path, "data"] });
          return;
        }
        const stringData = filledKeys(value.stringData, false);
        if (stringData > 0) {
          context.report({ messageId: "plaintextStringData", data: { name, count: stringData }, at: [...object.path, "stringData"] });
        }
      }
    };
  }
});

// src/rules/privilege-escalation-allowed.ts
function addsSysAdmin(container) {
  const added = container.securityContext.capabilitiesAdd?.value ?? [];
  return added.some((capability) => {
    const name = capability.toUpperCase().replace(/^CAP_/, "");
    return name === "SYS_ADMIN" || name === "ALL";
  });
}
var privilege_escalation_allowed_default = defineRule({
  meta: {
    id: "privilege-escalation-allowed",
    category: "security",
    level: "error",
    securitySeverity: 7,
    presets: ["recommended", "pss-restricted"],
    pss: { profile: "restricted", control: "Privilege Escalation" },
    summary: "Containers must set allowPrivilegeEscalation: false so a process cannot gain more privileges than its parent (setuid binaries, file capabilities); error when it is true or implied by privileged / SYS_ADMIN, warning when it is unset; Windows pods are exempt.",
    remediation: "Set securityContext.allowPrivilegeEscalation: false on every container (and drop privileged and SYS_ADMIN, which imply it).",
    messages: {
      allowed: 'Container "{{container}}" sets allowPrivilegeEscalation: true.',
      implied: 'Container "{{container}}" is {{reason}}, which always allows privilege escalation.',
      unset: 'Container "{{container}}" does not set allowPrivilegeEscalation: false; it defaults to true.'
    }
  },
  create(context) {
    return {
      container(container, pod) {
        if (pod.isWindows) return;
        const setting2 = container.securityContext.allowPrivilegeEscalation;
        const data = { container: container.name };
        if (setting2?.value === true) {
          context.report({ messageId: "allowed", data, at: setting2.path });
          return;
        }
        if (setting2) return;
        const at = [...container.path, "securityContext", "allowPrivilegeEscalation"];
        const privileged = container.securityContext.privileged?.value === true;
        if (privileged || addsSysAdmin(container)) {
          const reason = privileged ? "privileged" : "granted CAP_SYS_ADMIN";
          context.report({ messageId: "implied", data: { ...data, reason }, at, level: "error" });
          return;
        }
        context.report({ messageId: "unset", data, at, level: "warning" });
      }
    };
  }
});

// src/rules/privileged-container.ts
var privileged_container_default = defineRule({
  meta: {
    id: "privileged-container",
    category: "security",
    level: "error",
    securitySeverity: 9,
    presets: ["recommended", "pss-baseline", "pss-restricted"],
    pss: { profile: "baseline", control: "Privileged Containers" },
    summary: "Containers must not run privileged: a privileged container has every capability and full access to the node.",
    remediation: "Remove securityContext.privileged or set it to false; grant only the capabilities the process needs.",
    messages: {
      privileged: 'Container "{{container}}" runs privileged.'
    }
  },
  create(context) {
    return {
      container(container) {
        const privileged = container.securityContext.privileged;
        if (privileged?.value === true) {
          context.report({ messageId: "privileged", data: { container: container.name }, at: privileged.path });
        }
      }
    };
  }
});

// src/secrets/credential-names.ts
var CREDENTIAL_WORDS = /* @__PURE__ */ new Set([
  "password",
  "passwords",
  "passwd",
  "passwrd",
  "pword",
  "pswrd",
  "pwd",
  "passphrase",
  "secret",
  "secrets",
  "token",
  "tokens",
  "credential",
  "credentials",
  "creds",
  "bearer",
  "dsn",
  "apikey",
  "apikeys",
  "accesskey",
  "secretkey",
  "privatekey",
  "masterkey",
  "authtoken",
  "clientsecret",
  "appsecret",
  "connectionstring",
  "connstring",
  "connstr",
  "htpasswd"
]);
var CREDENTIAL_STEMS = /password|passwd|passphrase|secret|token|credential|apikey|accesskey|privatekey/;
var KEY_QUALIFIERS = /* @__PURE__ */ new Set([
  "api",
  "access",
  "private",
  "secret",
  "encryption",
  "encrypt",
  "signing",
  "sign",
  "master",
  "account",
  "storage",
  "shared",
  "session",
  "app",
  "auth",
  "license",
  "admin",
  "root",
  "hmac",
  "cookie",
  "jwt",
  "webhook",
  "client",
  "crypto",
  "cipher",
  "decryption",
  "subscription",
  "ssh",
  "deploy"
]);
var NOT_A_VALUE_SUFFIXES = /* @__PURE__ */ new Set([
  "file",
  "files",
  "path",
  "paths",
  "name",
  "names",
  "url",
  "urls",
  "uri",
  "dir",
  "directory",
  "location",
  "ttl",
  "expiry",
  "expires",
  "expiration",
  "timeout",
  "lifetime",
  "duration",
  "interval",
  "age",
  "period",
  "length",
  "len",
  "size",
  "prefix",
  "suffix",
  "header",
  "type",
  "kind",
  "mode",
  "enabled",
  "enable",
  "disabled",
  "disable",
  "required",
  "policy",
  "algorithm",
  "alg",
  "format",
  "ref",
  "namespace",
  "version",
  "count",
  "limit",
  "field",
  "id",
  "ids",
  "endpoint",
  "host",
  "hostname",
  "port",
  "provider",
  "issuer",
  "audience",
  "scope",
  "scopes",
  "method",
  "strategy",
  "volume",
  "mount",
  "user",
  "username",
  "label",
  "selector",
  "annotation",
  "source",
  "store",
  "class",
  "template",
  "hash",
  "checksum",
  "rotation",
  "refresh",
  "retries",
  "attempts",
  "min",
  "max",
  "key",
  "keys"
]);
var EXACT_NAMES = /* @__PURE__ */ new Set(["aws_access_key_id", "aws_secret_access_key", "google_application_credentials", "oci_cli_key_content"]);
var HARMLESS_NAMES = /* @__PURE__ */ new Set(["pwd", "oldpwd"]);
function nameWords(name) {
  return name.replace(/([a-z0-9])([A-Z])/g, "$1 $2").replace(/([A-Z]+)([A-Z][a-z])/g, "$1 $2").toLowerCase().split(/[^a-z0-9]+/).filter((word) => word.length > 0);
}
function isCredentialName(name) {
  const lower = name.toLowerCase();
  if (HARMLESS_NAMES.has(lower)) return false;
  if (EXACT_NAMES.has(lower.replace(/[-.]/g, "_"))) return true;
  const words = nameWords(name);
  const last = words[words.length - 1];
  if (last === void 0) return false;
  if (words[0] === "azure" && (last === "key" || last === "keys") && words.length > 1) return true;
  if (isNotAValueSuffix(words, last)) return false;
  for (let index = 0; index < words.length; index++) {
    const word = words[index];
    if (CREDENTIAL_WORDS.has(word)) return true;
    if ((word === "key" || word === "keys") && index > 0 && KEY_QUALIFIERS.has(words[index - 1])) return true;
    if (word === "connection" && words[index + 1] === "string") return true;
    if (word.length > 6 && CREDENTIAL_STEMS.test(word)) return true;
  }
  return last === "pass" || last === "auth" || last === "authorization" || last === "jwt";
}
function isNotAValueSuffix(words, last) {
  if (!NOT_A_VALUE_SUFFIXES.has(last) || words.length < 2) return false;
  if (last === "key" || last === "keys") return !KEY_QUALIFIERS.has(words[words.length - 2]);
  return true;
}
function isLocatorName(name) {
  const last = nameWords(name).at(-1);
  return last === "url" || last === "urls" || last === "uri" || last === "endpoint";
}

// src/secrets/assignments.ts
var ANY_WORD = /pass|pwd|pswrd|pword|secret|token|cred|key|auth|bearer|dsn|conn/i;
var CANDIDATE_LINE = /^[ \t]*(?:export[ \t]+)?["']?([A-Za-z0-9_.-]*(?:pass|pwd|pswrd|pword|secret|token|cred|key|auth|bearer|dsn|conn)[A-Za-z0-9_.-]*)["']?[ \t]*[:=][ \t]*([^\r\n]*)$/gim;
var SURROUNDING = /^["'`]|["'`]?[,;]?\s*$/g;
function findCredentialAssignments(text) {
  const found = [];
  if (!ANY_WORD.test(text)) return found;
  CANDIDATE_LINE.lastIndex = 0;
  let line = 1;
  let counted = 0;
  for (let match = CANDIDATE_LINE.exec(text); match; match = CANDIDATE_LINE.exec(text)) {
    const [, key, rawValue] = match;
    if (!isCredentialName(key) || !isLiteral(rawValue)) continue;
    line += countNewlines(text, counted, match.index);
    counted = match.index;
    found.push({ key, line });
  }
  return found;
}
function isLiteral(rawValue) {
  const value = rawValue.replace(/\s+#.*$/, "").replace(SURROUNDING, "");
  if (value === "" || value === "|" || value === ">" || value.startsWith("{") || value.startsWith("[")) return false;
  return !isPlaceholderValue(value);
}
function countNewlines(text, from, to) {
  let count = 0;
  for (let index = text.indexOf("\n", from); index !== -1 && index < to; index = text.indexOf("\n", index + 1)) count++;
  return count;
}

// src/rules/secret-in-configmap.ts
var FILE_NAME = /\.(?:ya?ml|json|conf|cfg|ini|properties|toml|env|xml|sh|py|txt|tpl|lua|js|rego|hcl|tf)$/i;
function inspect(key, text) {
  if (!FILE_NAME.test(key)) {
    if (isLocatorName(key)) {
      if (hasUserinfoPassword(text)) return { kind: "url" };
    } else if (isCredentialName(key) && !isPlaceholderValue(text)) {
      return { kind: "key" };
    }
  }
  const found = findCredentialAssignments(text);
  if (found.length === 0) return void 0;
  const shown = found.slice(0, 3).map((entry) => `"${entry.key}" (line ${entry.line})`);
  const more = found.length > 3 ? ` and ${found.length - 3} more` : "";
  return { kind: "lines", entries: `${shown.join(", ")}${more}` };
}
var secret_in_configmap_default = defineRule({
  meta: {
    id: "secret-in-configmap",
    category: "security",
    level: "error",
    securitySeverity: 7.5,
    presets: ["recommended"],
    tags: ["secret"],
    // Decided from key names, not from the value's shape: right most of the time, not always.
    precision: "medium",
    summary: "ConfigMaps must not hold credentials: neither a key that names one (password, token, API key, ...) with a literal value, nor `key=value` / `key: value` lines of that kind inside a config file, in data or base64-decoded binaryData.",
    remediation: "Move the credential into a Secret managed outside the repository and mount or reference it from there; keep only non-sensitive settings in the ConfigMap.",
    messages: {
      credentialKey: 'ConfigMap "{{name}}" stores a literal value under the credential-like key "{{key}}" in {{field}}.',
      urlPassword: 'ConfigMap "{{name}}" {{field}} key "{{key}}" holds a URL with a literal password in it.',
      credentialLines: 'ConfigMap "{{name}}" {{field}} key "{{key}}" sets credential-like entries to literal values: {{entries}}.'
    },
    options: {
      type: "object",
      properties: {
        allowedKeys: {
          type: "array",
          items: { type: "string", minLength: 1 },
          uniqueItems: true,
          description: "ConfigMap data keys (compared case-insensitively) that are never reported, whatever their name or content."
        }
      },
      additionalProperties: false
    },
    defaultOptions: { allowedKeys: [] }
  },
  create(context) {
    const allowed = new Set((context.options.allowedKeys ?? []).map((key) => key.toLowerCase()));
    return {
      object(object) {
        if (object.kind !== "ConfigMap") return;
        const name = object.name ?? "(unnamed)";
        for (const field of ["data", "binaryData"]) {
          const entries = object.value[field];
          if (!isObject(entries)) continue;
          for (const key of Object.keys(entries)) {
            const raw = entries[key];
            if (typeof raw !== "string" || allowed.has(key.toLowerCase())) continue;
            const text = field === "binaryData" ? decodeBase64Text(raw) : raw;
            if (text === void 0) continue;
            const found = inspect(key, text);
            if (!found) continue;
            const at = [...object.path, field, key];
            if (found.kind === "lines") context.report({ messageId: "credentialLines", data: { name, key, field, entries: found.entries }, at });
            else context.report({ messageId: found.kind === "key" ? "credentialKey" : "urlPassword", data: { name, key, field }, at });
          }
        }
      }
    };
  }
});

// src/rules/secret-in-env-literal.ts
var secret_in_env_literal_default = defineRule({
  meta: {
    id: "secret-in-env-literal",
    category: "security",
    level: "error",
    securitySeverity: 8,
    presets: ["recommended"],
    tags: ["secret"],
    // Decided from key names, not from the value's shape: right most of the time, not always.
    precision: "medium",
    summary: "Environment variables whose name says they hold a credential (password, token, secret, API key, ...) must not carry a literal value in the manifest.",
    remediation: "Move the value into a Secret managed outside the repository and reference it with env[].valueFrom.secretKeyRef, or mount it as a file.",
    messages: {
      credentialName: 'Container "{{container}}" sets the credential variable "{{name}}" to a literal value.',
      urlPassword: 'Container "{{container}}" sets "{{name}}" to a URL with a literal password in it.'
    },
    options: {
      type: "object",
      properties: {
        allowedNames: {
          type: "array",
          items: { type: "string", minLength: 1 },
          uniqueItems: true,
          description: "Variable names (compared case-insensitively) that may hold a literal value even though they look like credentials."
        }
      },
      additionalProperties: false
    },
    defaultOptions: { allowedNames: [] }
  },
  create(context) {
    const allowed = new Set((context.options.allowedNames ?? []).map((name) => name.toLowerCase()));
    return {
      container(container) {
        const env = container.value.env;
        if (!Array.isArray(env)) return;
        env.forEach((item, index) => {
          if (typeof item !== "object" || item === null) return;
          const { name, value } = item;
          if (typeof name !== "string" || typeof value !== "string" || allowed.has(name.toLowerCase())) return;
          const at = [...container.path, "env", index, "value"];
          const data = { container: container.name, name };
          if (isLocatorName(name)) {
            if (hasUserinfoPassword(value)) context.report({ messageId: "urlPassword", data, at });
          } else if (isCredentialName(name) && !isPlaceholderValue(value)) {
            context.report({ messageId: "credentialName", data, at });
          }
        });
      }
    };
  }
});

// src/rules/suppression-expired.ts
var suppression_expired_default = defineRule({
  meta: {
    id: "suppression-expired",
    category: "best-practice",
    level: "warning",
    presets: ["recommended", "pss-baseline", "pss-restricted"],
    summary: "A suppression has passed its expiry date, so the findings it hid are reported again.",
    remediation: "Fix the findings and remove the suppression, or renew it with a new date and a reason.",
    messages: { expired: "{{message}}" }
  },
  create: () => ({})
});

// src/rules/suppression-missing-reason.ts
var suppression_missing_reason_default = defineRule({
  meta: {
    id: "suppression-missing-reason",
    category: "best-practice",
    level: "error",
    presets: ["recommended", "pss-baseline", "pss-restricted"],
    summary: "A suppression gives no reason, so reviewers cannot tell whether it is still justified.",
    remediation: "Add a reason: `-- why` after the rule ids of a comment directive, or a kmlint.io/ignore-reason annotation.",
    messages: { missing: "{{message}}" }
  },
  create: () => ({})
});

// src/rules/unused-suppression.ts
var unused_suppression_default = defineRule({
  meta: {
    id: "unused-suppression",
    category: "best-practice",
    level: "note",
    presets: ["recommended", "pss-baseline", "pss-restricted"],
    summary: "A suppression (comment directive, annotation or config exemption) matched no finding, so it hides nothing today and could hide a new problem later.",
    remediation: "Remove the suppression, or correct the rule id or selector it names.",
    messages: { unused: "{{message}}" }
  },
  create: () => ({})
});

// src/rules/yaml-syntax-error.ts
var yaml_syntax_error_default = defineRule({
  meta: {
    id: "yaml-syntax-error",
    category: "schema",
    level: "error",
    presets: ["recommended", "pss-baseline", "pss-restricted"],
    summary: "The file is not valid YAML, so the documents with errors cannot be linted.",
    remediation: "Fix the YAML syntax at the reported position; other documents of the file are still linted.",
    messages: { syntax: "{{message}}" }
  },
  create: () => ({})
});

// src/rules/index.ts
var rules = [
  duplicate_key_default,
  hardcoded_credential_pattern_default,
  host_ipc_default,
  host_network_default,
  host_path_volume_default,
  host_pid_default,
  internal_error_default,
  missing_cpu_limit_default,
  missing_cpu_request_default,
  missing_memory_limit_default,
  missing_memory_request_default,
  missing_read_only_root_fs_default,
  missing_run_as_non_root_default,
  plaintext_secret_object_default,
  privilege_escalation_allowed_default,
  privileged_container_default,
  secret_in_configmap_default,
  secret_in_env_literal_default,
  suppression_expired_default,
  suppression_missing_reason_default,
  unused_suppression_default,
  yaml_syntax_error_default
];

export {
  defineRule,
  isObject,
  buildPodView,
  rules
};
