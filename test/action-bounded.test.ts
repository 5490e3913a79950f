/** The Action's limits: retries with backoff, annotation fields within GitHub's limits, Markdown that stays text. */
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { MAX_TITLE, toCheckAnnotation, truncateBytes } from '../src/action/annotations.js';
import { isRetryable, withRetry } from '../src/action/retry.js';
import { buildSummary, cell } from '../src/action/summary.js';
import { rules } from '../src/rules/index.js';
import { finding } from './support/finding.js';

const httpError = (status: number, message = 'failed', headers: Record<string, string> = {}) => Object.assign(new Error(message), { status, response: { headers } });

describe('retries', () => {
  const noWait = { attempts: 3, baseDelayMs: 100, maxDelayMs: 1000 };

  test('5xx, 429, secondary rate limits and missing answers are retried; other 4xx are not', () => {
    for (const status of [500, 502, 503, 429]) assert.ok(isRetryable(httpError(status)), String(status));
    assert.ok(isRetryable(httpError(403, 'You have exceeded a secondary rate limit')));
    assert.ok(isRetryable(new Error('The operation was aborted due to timeout')));
    for (const status of [400, 401, 404, 422]) assert.ok(!isRetryable(httpError(status)), String(status));
    assert.ok(!isRetryable(httpError(403, 'Resource not accessible by integration')));
  });

  test('backs off exponentially, honours retry-after up to the cap, and gives up after the last attempt', async () => {
    const waits: number[] = [];
    let calls = 0;
    await assert.rejects(
      withRetry(async () => {
        calls++;
        throw httpError(502);
      }, { ...noWait, sleep: async (ms) => void waits.push(ms) }),
      /failed/,
    );
    assert.equal(calls, 3);
    assert.deepEqual(waits, [100, 200]);

    const capped: number[] = [];
    let tries = 0;
    const value = await withRetry(async () => {
      if (++tries === 1) throw httpError(429, 'slow down', { 'retry-after': '3600' });
      return 'done';
    }, { ...noWait, sleep: async (ms) => void capped.push(ms) });
    assert.equal(value, 'done');
    assert.deepEqual(capped, [1000]);
  });

  test('a permission error is thrown at once', async () => {
    let calls = 0;
    await assert.rejects(withRetry(async () => {
      calls++;
      throw httpError(403, 'Resource not accessible by integration');
    }, { ...noWait, sleep: async () => {} }));
    assert.equal(calls, 1);
  });
});

describe('annotation fields within the Checks API limits', () => {
  test('every rule title fits in 255 characters', () => {
    for (const rule of rules) {
      const annotation = toCheckAnnotation(finding({ ruleId: rule.meta.id }), rule.meta.summary);
      assert.ok(annotation.title.length <= MAX_TITLE, `${rule.meta.id}: ${annotation.title.length}`);
      assert.ok(annotation.title.startsWith(rule.meta.id));
    }
  });

  test('message and raw_details stay under 64 KB in bytes, multi-byte text included, cut on a character', () => {
    const annotation = toCheckAnnotation(finding({ message: '€'.repeat(40_000), helmTemplate: '😀'.repeat(30_000) }));
    assert.ok(Buffer.byteLength(annotation.message) <= 64 * 1024);
    assert.ok(Buffer.byteLength(annotation.raw_details!) <= 64 * 1024);
    assert.ok(annotation.message.endsWith('€…'));
    assert.ok(!annotation.raw_details!.includes('\ufffd'));
    assert.equal(truncateBytes('short', 10), 'short');
  });
});

describe('Markdown in the job summary and check-run summary', () => {
  test('links, images, HTML and pipes from manifests stay text inside the table', () => {
    const message = 'Container "x](https://evil.example)![img](https://evil.example/a.png) a\\|b <img src=x> https://evil.example *bold* @team';
    const md = buildSummary({ findings: [finding({ message, file: 'a|b.yaml' })], files: 1, objects: 1, failOn: 'error', failed: true, maxBytes: 100_000 });
    const row = md.split('\n').find((line) => line.includes('evil'))!;
    assert.ok(!/\]\(https/.test(row.replace(/\\\]/g, '')), 'a live link remains');
    assert.ok(!row.includes('<img'));
    assert.ok(!row.includes('https://'), 'autolinked URL remains');
    // Exactly the table's six column separators are unescaped pipes.
    assert.equal(row.match(/(?<!\\)\|/g)?.length, 6, row);
    assert.match(row, /a\\\\\\\|b/);
  });

  test('control characters and line breaks never split a row', () => {
    assert.equal(cell('a\nb\r\nc\u001b[31m'), 'a b c\\\\e\\[31m', 'renders as a b c\\e[31m');
  });
});
