/**
 * The real corpus: every manifest written by others is linted with every rule. Nothing may crash or
 * hang, every finding has a region inside its file, and each source yields exactly the objects that an
 * independent count (the `yaml` library's own toJS) finds, so a silently dropped object fails here.
 */
import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, test } from 'node:test';
import { isScalar, parseAllDocuments } from 'yaml';
import { lint } from '../src/run/lint.js';
import type { Finding } from '../src/types.js';
import { REPO_ROOT, sharedPath } from './support/shared.js';

const real = sharedPath('corpus', 'real');

interface Oracle {
  files: number;
  documents: number;
  objects: number;
  listItems: number;
}

/** Counts documents and Kubernetes objects without kmlint's code. */
function oracle(files: string[]): Oracle {
  const count: Oracle = { files: files.length, documents: 0, objects: 0, listItems: 0 };
  for (const file of files) {
    for (const doc of parseAllDocuments(readFileSync(file, 'utf8'))) {
      // Comment-only documents and the empty one after a trailing `---` are not documents.
      if (doc.contents === null || (isScalar(doc.contents) && doc.contents.source === '')) continue;
      count.documents++;
      const value = doc.toJS({ maxAliasCount: -1 }) as Record<string, unknown> | null;
      if (!value || typeof value !== 'object' || typeof value.apiVersion !== 'string' || typeof value.kind !== 'string') continue;
      // Kustomize's own configuration is not an object for the cluster.
      if (value.apiVersion.startsWith('kustomize.config.k8s.io/')) continue;
      if (value.kind.endsWith('List') && Array.isArray(value.items)) {
        const items = value.items.filter((item) => item && typeof item.apiVersion === 'string' && typeof item.kind === 'string');
        count.objects += items.length;
        count.listItems += items.length;
      } else {
        count.objects++;
      }
    }
  }
  return count;
}

function filesBelow(folder: string): string[] {
  return readdirSync(folder, { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile() && /\.(ya?ml|json)$/.test(entry.name))
    .map((entry) => path.join(entry.parentPath, entry.name));
}

function assertRegionsInside(findings: readonly Finding[], cwd: string): void {
  const texts = new Map<string, string[]>();
  for (const finding of findings) {
    const lines = texts.get(finding.file) ?? readFileSync(path.resolve(cwd, finding.file), 'utf8').split('\n');
    texts.set(finding.file, lines);
    const { startLine, startColumn, endLine, endColumn } = finding.region;
    const where = `${finding.file}:${startLine}:${startColumn} ${finding.ruleId}`;
    assert.ok(startLine >= 1 && startLine <= lines.length, `${where}: line outside the file`);
    assert.ok(startColumn >= 1 && startColumn <= lines[startLine - 1]!.length + 1, `${where}: column outside the line`);
    assert.ok(endLine >= startLine && endLine <= lines.length, `${where}: end line outside the file`);
    assert.ok(endLine > startLine || endColumn >= startColumn, `${where}: region ends before it starts`);
    if (!['yaml-syntax-error', 'duplicate-key'].includes(finding.ruleId)) assert.ok(finding.object, `${where}: a rule finding names its object`);
  }
}

describe('real corpus', { timeout: 180_000 }, () => {
  const sources = readdirSync(real, { withFileTypes: true }).filter((entry) => entry.isDirectory()).map((entry) => entry.name).sort();

  for (const source of sources) {
    test(`${source}: every object linted, no crash, every region inside its file`, async () => {
      const folder = path.join(real, source);
      const expected = oracle(filesBelow(folder));
      const result = await lint({ paths: [folder], cwd: REPO_ROOT, presets: ['all'] });
      assert.equal(result.internalErrors, 0, result.findings.filter((f) => f.ruleId === 'internal-error').map((f) => f.message).join('\n'));
      assert.equal(result.files.length, expected.files, 'every file is read');
      assert.deepEqual(result.files.filter((file) => file.skipped), [], 'no file is skipped');
      assert.equal(result.objects, expected.objects, 'objects linted');
      assert.equal(
        result.files.reduce((sum, file) => sum + file.documents, 0),
        expected.documents,
        'non-empty documents',
      );
      assertRegionsInside(result.findings, REPO_ROOT);
    });
  }

  test('the corpus is the one its README describes (565 files, 1322 documents, 39 list items)', () => {
    // Counted here, on its own, so the test does not depend on the per-source tests having run first.
    const all = oracle(sources.flatMap((source) => filesBelow(path.join(real, source))));
    assert.deepEqual({ files: all.files, documents: all.documents, listItems: all.listItems }, { files: 565, documents: 1322, listItems: 39 });
  });
});
