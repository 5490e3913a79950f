// Long fuzzing run: `npm run fuzz [-- --documents N] [-- --seed S]`. Generates Kubernetes-shaped streams,
// YAML features and mutations of the real corpus until N documents (default 100,000) are checked,
// then prints crashes, hangs, regions outside their file, dropped objects and leaks, with the first
// examples of each so they can become fixtures under test/manifests/.
import { parseArgs } from 'node:util';
import path from 'node:path';
import fc from 'fast-check';
import { check, corpusMutations, corpusTexts, kubernetesStream, yamlFeatures, type FuzzCase, type Problem } from '../test/support/fuzz-cases.js';

const { values } = parseArgs({ options: { documents: { type: 'string', default: '100000' }, seed: { type: 'string' } } });
const target = Number(values.documents);
const seed = values.seed === undefined ? Date.now() % 2 ** 31 : Number(values.seed);
const texts = corpusTexts(path.resolve(import.meta.dirname, '..', '..', 'shared', 'corpus', 'real'));
const sources: [string, fc.Arbitrary<FuzzCase>][] = [
  ['kubernetes', kubernetesStream],
  ['yaml-features', yamlFeatures],
  ...(texts.length > 0 ? [['corpus-mutations', corpusMutations(texts)] as [string, fc.Arbitrary<FuzzCase>]] : []),
];

const counts: Record<Problem, number> = { crash: 0, hang: 0, region: 0, drop: 0, leak: 0 };
const examples: string[] = [];
let documents = 0;
let cases = 0;
const started = performance.now();
for (let round = 0; documents < target; round++) {
  for (const [name, arbitrary] of sources) {
    for (const fuzzCase of fc.sample(arbitrary, { numRuns: 500, seed: seed + round * sources.length + sources.findIndex(([n]) => n === name) })) {
      cases++;
      documents += Math.max(1, fuzzCase.text.split(/^---/m).length);
      for (const { problem, detail } of check(fuzzCase)) {
        counts[problem]++;
        if (examples.length < 20) examples.push(`${problem} (${name}): ${detail}\n${JSON.stringify(fuzzCase.text.slice(0, 400))}`);
      }
    }
  }
}
const seconds = ((performance.now() - started) / 1000).toFixed(1);
console.log(`kmlint fuzz: ${documents.toLocaleString('en-US')} documents in ${cases.toLocaleString('en-US')} cases, ${seconds} s, seed ${seed}`);
for (const [problem, count] of Object.entries(counts)) console.log(`  ${problem.padEnd(7)} ${count}`);
for (const example of examples) console.log(`\n${example}`);
process.exitCode = Object.values(counts).some((count) => count > 0) ? 1 : 0;
