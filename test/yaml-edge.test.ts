/** Hostile and broken YAML: invalid streams give yaml-syntax-error at a real position, valid ones never do. */
import assert from 'node:assert/strict';
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { describe, test } from 'node:test';
import { lintText } from '../src/engine/lint-file.js';
import { rules } from '../src/rules/index.js';
import type { Finding } from '../src/types.js';
import { sharedPath } from './support/shared.js';

const enabled = rules.map((rule) => ({ rule, setting: { level: rule.meta.level, levelConfigured: false, options: rule.meta.defaultOptions ?? {} } }));

function lintFile(file: string): { findings: Finding[]; text: string } {
  const text = readFileSync(file, 'utf8');
  return { findings: lintText(path.basename(file), text, { rules: enabled }).findings, text };
}

function assertInside(findings: Finding[], text: string): void {
  const lines = text.split('\n');
  for (const { region } of findings) {
    assert.ok(region.startLine >= 1 && region.startLine <= lines.length, `line ${region.startLine} outside ${lines.length} lines`);
    assert.ok(region.startColumn >= 1 && region.startColumn <= lines[region.startLine - 1]!.length + 1, `column ${region.startColumn} outside its line`);
    assert.ok(region.endLine > region.startLine || (region.endLine === region.startLine && region.endColumn >= region.startColumn));
  }
}

function suiteCases(root: string): string[] {
  const cases: string[] = [];
  for (const name of readdirSync(root).sort()) {
    const folder = path.join(root, name);
    if (!statSync(folder).isDirectory()) continue;
    if (existsSync(path.join(folder, 'in.yaml'))) cases.push(folder);
    else for (const sub of readdirSync(folder).sort()) if (existsSync(path.join(folder, sub, 'in.yaml'))) cases.push(path.join(folder, sub));
  }
  return cases;
}

describe('yaml-test-suite cases', () => {
  const root = sharedPath('corpus', 'yaml-edge', 'yaml-test-suite');
  const cases = suiteCases(root);
  test('the corpus holds the 90 cases its README lists', () => assert.equal(cases.length, 90));
  for (const folder of cases) {
    const invalid = existsSync(path.join(folder, 'error'));
    const name = path.relative(root, folder);
    test(`${name} (${invalid ? 'invalid' : 'valid'})`, () => {
      const { findings, text } = lintFile(path.join(folder, 'in.yaml'));
      const syntax = findings.filter((finding) => finding.ruleId === 'yaml-syntax-error');
      if (invalid) assert.ok(syntax.length > 0, 'an invalid stream must give yaml-syntax-error');
      else assert.deepEqual(syntax.map((finding) => finding.message), [], 'a valid stream must not give yaml-syntax-error');
      assertInside(findings, text);
    });
  }
});

describe('js-yaml samples', () => {
  const root = sharedPath('corpus', 'yaml-edge', 'js-yaml', 'test');
  const expectations: [string, string[]][] = [
    ['samples-common/construct-merge.yml', []],
    ['samples-common/duplicate-merge-key.yml', []],
    ['samples-load-errors/invalid-merge-1.yml', ['yaml-syntax-error']],
    ['samples-load-errors/invalid-merge-2.yml', ['yaml-syntax-error']],
    ['samples-load-errors/duplicate-key.yml', ['duplicate-key']],
    ['unported/spec-05-01-utf8.data', []],
    ['unported/spec-05-02-utf8.data', ['yaml-syntax-error']],
  ];
  for (const [file, ruleIds] of expectations) {
    test(`${file} gives ${ruleIds.join(', ') || 'nothing'}`, () => {
      const { findings, text } = lintFile(path.join(root, file));
      assert.deepEqual([...new Set(findings.map((finding) => finding.ruleId))], ruleIds);
      assertInside(findings, text);
    });
  }

  test('a duplicate key is reported at the second key', () => {
    const { findings } = lintFile(path.join(root, 'samples-load-errors/duplicate-key.yml'));
    const lines = readFileSync(path.join(root, 'samples-load-errors/duplicate-key.yml'), 'utf8').split('\n');
    const first = lines.findIndex((line) => line.startsWith('foo:')) + 1;
    assert.equal(findings.length, 1);
    assert.ok(findings[0]!.region.startLine > first, 'points after the first "foo"');
    assert.match(lines[findings[0]!.region.startLine - 1]!, /^foo:/);
  });
});

describe('Kubernetes manifests with anchors and merge keys', () => {
  const root = sharedPath('corpus', 'yaml-edge', 'kube-linter', 'pkg', 'templates', 'sortedkeys', 'testdata');
  for (const file of readdirSync(root).filter((name) => name.endsWith('.yaml')).sort()) {
    test(`${file} parses without syntax errors`, () => {
      const { findings, text } = lintFile(path.join(root, file));
      assert.deepEqual(findings.filter((finding) => finding.ruleId === 'yaml-syntax-error'), []);
      assertInside(findings, text);
    });
  }
});
