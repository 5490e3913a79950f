/**
 * Read-ahead: files are read while earlier ones are linted, a few at a time, and the report does not
 * depend on which read finishes first.
 */
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { test } from 'node:test';
import { formatJson } from '../src/formatters/json.js';
import { lintSources, type Source } from '../src/run/lint.js';
import { rules } from '../src/rules/index.js';

const FILES = ['test/manifests/action/workspace/k8s/workloads.yaml', 'test/manifests/privileged-container/invalid/pod.yaml', 'test/manifests/formats/odd-names.yaml'];
const context = { cwd: process.cwd(), version: '0.0.0-test', rules: rules.map((rule) => rule.meta) };

function sources(delay: (i: number) => number, onRead: (inFlight: number) => void = () => undefined): Source[] {
  let inFlight = 0;
  return Array.from({ length: 24 }, (_, i) => {
    const file = FILES[i % FILES.length]!;
    return {
      display: `${i}/${file}`,
      read: async () => {
        onRead(++inFlight);
        await new Promise((resolve) => setTimeout(resolve, delay(i)));
        inFlight--;
        return { text: readFileSync(file, 'utf8') };
      },
    };
  });
}

test('the report is byte-identical whatever order the reads finish in', async () => {
  const options = { cwd: process.cwd(), presets: ['all' as const], context: [] };
  const inOrder = formatJson(await lintSources(sources(() => 0), options), context);
  // Later files are read faster than earlier ones: their reads finish first.
  const reversed = formatJson(await lintSources(sources((i) => 24 - i), options), context);
  assert.equal(reversed, inOrder);
  assert.ok(JSON.parse(inOrder).findings.length > 24);
});

test('reads run ahead of the linting, but only a few at a time', async () => {
  let most = 0;
  await lintSources(sources(() => 2, (inFlight) => (most = Math.max(most, inFlight))), { cwd: process.cwd(), context: [] });
  assert.ok(most > 1, `reads overlap (${most} at once)`);
  assert.ok(most <= 5, `the queue is bounded (${most} at once)`);
});
