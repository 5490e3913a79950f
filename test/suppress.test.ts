/** Suppressions on real fixtures: comment directives, annotations, Helm output, expiry, reasons, strict list. */
import assert from 'node:assert/strict';
import path from 'node:path';
import { describe, test } from 'node:test';
import { lint } from '../src/run/lint.js';
import hostNetwork from '../src/rules/host-network.js';
import privilegedContainer from '../src/rules/privileged-container.js';
import secretInEnvLiteral from '../src/rules/secret-in-env-literal.js';
import suppressionExpired from '../src/rules/suppression-expired.js';
import suppressionMissingReason from '../src/rules/suppression-missing-reason.js';
import unusedSuppression from '../src/rules/unused-suppression.js';
import type { SuppressOptions } from '../src/suppress/suppressor.js';
import type { Finding } from '../src/types.js';

const FIXTURES = path.resolve(import.meta.dirname, 'manifests', 'suppressions');
const RULES = [hostNetwork, privilegedContainer, secretInEnvLiteral, suppressionExpired, suppressionMissingReason, unusedSuppression];

async function lintFixture(file: string, suppress: SuppressOptions = {}): Promise<Finding[]> {
  const run = await lint({ paths: [file], cwd: FIXTURES, rules: RULES, presets: ['recommended'], suppress: { today: '2026-11-23', ...suppress } });
  return run.findings;
}

/** `line rule-id [suppressed by source]`: what a user reads in the report. */
function summary(findings: readonly Finding[]): string[] {
  return findings.map((finding) => `${finding.region.startLine} ${finding.ruleId}${finding.suppression ? ` [${finding.suppression.source}]` : ''}`);
}

describe('comment directives', () => {
  test('next-line, same-line and disable/enable ranges suppress exactly the lines they name, with their reasons', async () => {
    const findings = await lintFixture('comments.yaml');
    assert.deepEqual(summary(findings), [
      '12 privileged-container [comment]',
      '15 privileged-container [comment]',
      '21 privileged-container',
      '25 privileged-container [comment]',
      '28 privileged-container [comment]',
      '32 privileged-container',
      '32 unused-suppression',
    ]);
    assert.deepEqual(findings[0]!.suppression, { source: 'comment', at: 'comments.yaml:11:9', reason: "the node agent needs the host's devices" });
    assert.equal(findings[1]!.suppression?.reason, 'vendor image, tracked in OPS-12');
    assert.deepEqual(findings[3]!.suppression, { source: 'comment', at: 'comments.yaml:22:5', reason: 'legacy block', expires: '2999-01-01' });
  });

  test('disable-next-line covers the whole node on the next line; unused only when nothing inside it was suppressed', async () => {
    const findings = await lintFixture('next-line-node.yaml');
    assert.deepEqual(summary(findings), [
      '18 secret-in-env-literal [comment]',
      '20 secret-in-env-literal',
      '21 unused-suppression',
      '30 privileged-container [comment]',
    ]);
    assert.equal(findings[0]!.suppression?.reason, 'throwaway credential of the e2e database');
  });

  test('a "#" inside a quoted string or a block scalar is not a directive', async () => {
    const findings = await lintFixture('comments.yaml');
    // Line 6 holds a string with "# kmlint-disable-file", line 19 a block scalar with "# kmlint-disable-next-line".
    const notSuppressed = findings.find((finding) => finding.region.startLine === 21);
    assert.equal(notSuppressed?.suppression, undefined);
  });

  test('a misspelt rule id is reported where it is written, with a suggestion', async () => {
    const unused = (await lintFixture('comments.yaml')).find((finding) => finding.ruleId === 'unused-suppression')!;
    assert.equal(unused.level, 'note');
    assert.deepEqual([unused.region.startLine, unused.region.startColumn], [32, 26]);
    assert.equal(unused.message, 'kmlint-disable-line names unknown rule "privileged-contianer" (did you mean "privileged-container"?).');
  });

  test('after `helm template`, disable-file covers its own template only', async () => {
    const findings = await lintFixture('helm-rendered.yaml');
    assert.deepEqual(summary(findings), ['14 privileged-container [comment]', '25 privileged-container']);
    assert.equal(findings[0]!.helmTemplate, 'agent/templates/daemonset.yaml');
  });
});

describe('annotations', () => {
  test('on the object, on the pod template, and per container; a container that does not exist is reported', async () => {
    const findings = await lintFixture('annotations.yaml');
    assert.deepEqual(summary(findings), [
      '12 host-network [annotation]',
      '16 privileged-container [annotation]',
      '31 privileged-container [annotation]',
      '42 unused-suppression',
      '47 privileged-container',
      '50 privileged-container [annotation]',
      '57 unused-suppression',
    ]);
    assert.deepEqual(findings[0]!.suppression, { source: 'annotation', at: 'annotations.yaml:7:5', reason: 'Node agent that configures the host network.' });
    assert.equal(findings[2]!.suppression?.reason, 'the chart only exposes podAnnotations');
    assert.equal(findings[5]!.suppression?.reason, 'injected by the mesh');
    assert.match(findings[3]!.message, /names no container "linkerd-proxy"/);
    assert.match(findings[6]!.message, /kmlint\.io\/ignore for "host-network" suppressed nothing/);
  });

  test('--no-inline-suppressions ignores annotations and comments altogether', async () => {
    const findings = await lintFixture('annotations.yaml', { noInlineSuppressions: true });
    assert.ok(findings.every((finding) => !finding.suppression));
    assert.ok(!findings.some((finding) => finding.ruleId === 'unused-suppression'));
    assert.equal(findings.filter((finding) => finding.ruleId === 'privileged-container').length, 4);
  });

  test('a strict rule cannot be suppressed inline, and the annotation that tried says so', async () => {
    const findings = await lintFixture('annotations.yaml', { strict: ['privileged-container'] });
    assert.ok(findings.filter((finding) => finding.ruleId === 'privileged-container').every((finding) => !finding.suppression));
    assert.equal(findings.find((finding) => finding.ruleId === 'host-network')?.suppression?.source, 'annotation');
    const refused = findings.filter((finding) => /on the strict list/.test(finding.message));
    assert.deepEqual(
      refused.map((finding) => finding.region.startLine),
      [7, 26, 41],
    );
  });
});

describe('expiry and reasons', () => {
  test('an expired suppression lets its finding back, with a note at the suppression', async () => {
    const findings = await lintFixture('expiry.yaml');
    assert.deepEqual(summary(findings), [
      '6 suppression-expired',
      '10 host-network',
      '15 privileged-container [comment]',
      '18 suppression-expired',
      '19 privileged-container',
      '22 privileged-container [comment]',
      '29 suppression-expired',
      '32 host-network',
    ]);
    assert.match(findings[1]!.message, /\(suppression expired on 2026-01-31, expiry\.yaml:6:5\)$/);
    assert.equal(findings[2]!.suppression?.expires, '2099-12-31');
    assert.equal(findings[2]!.suppression?.reason, 'firmware updater');
    assert.match(findings[3]!.message, /expired on 2025-06-30; its findings are reported again/);
    const expired = findings.filter((finding) => finding.ruleId === 'suppression-expired');
    assert.deepEqual(expired.map((finding) => finding.level), ['warning', 'warning', 'warning'], 'an expired suppression is a warning, the finding keeps its level');
  });

  test('an expiry that is not a date fails closed, and says so', async () => {
    const findings = await lintFixture('expiry.yaml');
    const badDate = findings.find((finding) => finding.region.startLine === 29)!;
    assert.equal(badDate.message, 'annotation kmlint.io/ignore has the expiry "end of the quarter", which is not a date (YYYY-MM-DD), so it suppresses nothing.');
    const back = findings.find((finding) => finding.region.startLine === 32)!;
    assert.equal(back.suppression, undefined);
    assert.match(back.message, /\(suppression has an expiry that is not a date, "end of the quarter", expiry\.yaml:29:5\)$/);
  });

  test('the same suppressions hold on the day they expire', async () => {
    const findings = await lintFixture('expiry.yaml', { today: '2026-01-31' });
    assert.equal(findings.find((finding) => finding.ruleId === 'host-network')?.suppression?.source, 'annotation');
  });

  test('--require-reason turns a suppression without a reason into an error at the directive', async () => {
    const findings = await lintFixture('expiry.yaml', { requireReason: true });
    const missing = findings.filter((finding) => finding.ruleId === 'suppression-missing-reason');
    assert.equal(missing.length, 1);
    assert.equal(missing[0]!.level, 'error');
    assert.deepEqual([missing[0]!.region.startLine, missing[0]!.region.startColumn], [22, 26]);
  });
});
