/**
 * The secrets a render reads, so that what kmlint says about a render never quotes them: a renderer's error
 * message (kustomize echoes a broken generator literal, a chart's `fail` echoes a value) and the lines of the
 * kustomization a generated Secret points back to. Everything a secretGenerator feeds in is a secret by
 * definition, whatever its key is called; other files give up what the credential scanner finds in them.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { parse } from 'yaml';
import { createMasker, credentialSpans, secretStrings } from '../redact/index.js';
import type { Masker } from '../redact/masker.js';
import { isRecord, stringItems } from './origin-files.js';
import { kustomizationFile, kustomizationTree, type RenderTarget } from './targets.js';

/** A masker for every secret the target reads, and for credentials the text to mask holds itself. */
export function renderMasker(target: RenderTarget): Masker {
  const secrets = target.kind === 'kustomize' ? kustomizeSecrets(target.dir) : helmSecrets(target.values, target.set, target.chart);
  const known = createMasker(secrets);
  return (text) => {
    const own = credentialSpans(text);
    return known(own.length > 0 ? createMasker(secretStrings(text, own))(text) : text);
  };
}

function kustomizeSecrets(dir: string): string[] {
  const out: string[] = [];
  for (const folder of kustomizationTree(dir)) {
    const file = kustomizationFile(folder);
    const text = file ? readText(file) : undefined;
    if (text === undefined) continue;
    out.push(...scanned(text));
    let spec: unknown;
    try {
      spec = parse(text);
    } catch {
      continue;
    }
    if (isRecord(spec)) out.push(...generatorSecrets(spec, folder));
  }
  return out;
}

/**
 * The values of every secretGenerator: after the `=` of literals and env file lines (a whole item without `=`,
 * which kustomize rejects and quotes), and the lines of its files. Keys stay readable: findings name them.
 */
export function generatorSecrets(spec: Record<string, unknown>, folder: string): string[] {
  const out: string[] = [];
  for (const generator of Array.isArray(spec.secretGenerator) ? spec.secretGenerator : []) {
    if (!isRecord(generator)) continue;
    for (const literal of stringItems(generator.literals)) out.push(literal.slice(literal.indexOf('=') + 1));
    for (const envFile of [...stringItems(generator.envs), ...stringItems([generator.env])]) {
      for (const line of (readText(path.resolve(folder, envFile)) ?? '').split(/\r?\n/)) {
        if (line.trim() === '' || line.trimStart().startsWith('#')) continue;
        out.push(line.slice(line.indexOf('=') + 1).trim());
      }
    }
    for (const entry of stringItems(generator.files)) {
      const content = readText(path.resolve(folder, entry.slice(entry.indexOf('=') + 1)));
      if (content !== undefined) out.push(...content.split(/\r?\n/).map((line) => line.trim()));
    }
  }
  return out.filter((secret) => secret.length > 0);
}

function helmSecrets(values: readonly string[], set: readonly string[], chart: string): string[] {
  const out: string[] = [];
  for (const file of [path.join(chart, 'values.yaml'), ...values]) {
    const text = readText(file);
    if (text !== undefined) out.push(...scanned(text));
  }
  for (const value of set) out.push(...scanned(value));
  return out;
}

function scanned(text: string): string[] {
  const spans = credentialSpans(text);
  return spans.length > 0 ? secretStrings(text, spans) : [];
}


function readText(file: string): string | undefined {
  try {
    return readFileSync(file, 'utf8');
  } catch {
    return undefined;
  }
}
