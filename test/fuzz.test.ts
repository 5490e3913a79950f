/** Property tests: thousands of generated and mutated documents per run, each against every promise of check(). */
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import fc from 'fast-check';
import { check, corpusMutations, corpusTexts, kubernetesStream, yamlFeatures, type FuzzCase } from './support/fuzz-cases.js';
import { sharedPath } from './support/shared.js';

/** Documents checked in this file, so the test can show the suite meets its floor of 2,000. */
let documents = 0;

function property(cases: fc.Arbitrary<FuzzCase>, numRuns: number): void {
  fc.assert(
    fc.property(cases, (fuzzCase) => {
      documents += Math.max(1, fuzzCase.text.split(/^---/m).length);
      assert.deepEqual(check(fuzzCase), []);
    }),
    { numRuns, seed: Number(process.env.FUZZ_SEED ?? 20261130) },
  );
}

describe('fuzzing', () => {
  test('Kubernetes-shaped objects in every YAML style: all linted, regions inside the file', () => property(kubernetesStream, 300));
  test('YAML features, good and broken, any line ending: no crash, no hang, no leak in messages', () => property(yamlFeatures, 300));
  const texts = corpusTexts(sharedPath('corpus', 'real'), 120);
  test('mutations of the real corpus (byte flips, truncation, line deletion)', { skip: texts.length === 0 ? 'the shared corpus is absent' : false }, () =>
    property(corpusMutations(texts), 300),
  );
  test('at least 2,000 documents were checked', () => { assert.ok(documents >= 2000, `${documents} documents`); console.log(`fuzzed ${documents} documents`); });
});
