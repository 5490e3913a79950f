/**
 * Every rule is complete: metadata that SARIF and the docs need, fixtures on both sides, a test,
 * and generated files (registry, docs) that match the code.
 */
import assert from 'node:assert/strict';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, test } from 'node:test';
import { rules } from '../src/rules/index.js';
import { generate, outdated } from '../scripts/generate.js';
import { hasVisitors } from './support/rule-tester.js';
import { REPO_ROOT } from './support/shared.js';

const testFiles = readdirSync(path.join(REPO_ROOT, 'test'), { recursive: true })
  .map(String)
  .filter((name) => name.endsWith('.test.ts'))
  .map((name) => readFileSync(path.join(REPO_ROOT, 'test', name), 'utf8'));

describe('rule files', () => {
  for (const rule of rules) {
    const { meta } = rule;
    test(`${meta.id}: metadata, fixtures and tests`, () => {
      assert.ok(existsSync(path.join(REPO_ROOT, 'src', 'rules', `${meta.id}.ts`)), 'the id is the file name');
      assert.match(meta.id, /^[a-z][a-z0-9]*(-[a-z0-9]+)*$/, 'kebab-case id');
      assert.match(meta.remediation, /\.$/, 'remediation ends with a period');
      assert.ok(meta.summary.length > 10 && meta.summary.length <= 1024, 'summary fits SARIF shortDescription');
      assert.ok(Object.keys(meta.messages).length > 0, 'at least one message');
      if (meta.category === 'security') {
        assert.ok(meta.securitySeverity !== undefined && meta.securitySeverity > 0 && meta.securitySeverity <= 10, 'security rules carry a security-severity in (0, 10]');
      }
      for (const property of Object.values((meta.options?.properties ?? {}) as Record<string, { description?: string }>)) {
        assert.ok(property.description, 'every option has a description (the docs print it)');
      }
      if (hasVisitors(rule)) {
        // A rule that looks at objects has fixtures on both sides (test/rules.test.ts runs them).
        for (const side of ['valid', 'invalid']) {
          assert.ok(existsSync(path.join(REPO_ROOT, 'test', 'manifests', meta.id, side)), `test/manifests/${meta.id}/${side}/`);
        }
      } else {
        // Findings reported by an engine stage (syntax errors, suppressions): some test must name the id.
        assert.ok(testFiles.some((source) => source.includes(`'${meta.id}'`)), `a test asserts findings of ${meta.id}`);
      }
    });
  }
});

test('generated files (rule registry, rule docs) are up to date: run npm run generate', async () => {
  assert.deepEqual(outdated(await generate()), []);
});
