/** The Checks API through Octokit; only the Action bundle imports this (the CLI never loads it). */
import { Octokit } from '@octokit/rest';
import type { ChecksClient } from './check-run.js';
import { DEFAULT_RETRY, DEFAULT_TIMEOUT_MS, withRetry, type RetryOptions } from './retry.js';

export interface GitHubClientOptions {
  token: string;
  /** GITHUB_API_URL: api.github.com, a GHES host, or the fake server in tests. */
  baseUrl: string;
  owner: string;
  repo: string;
  debug: (message: string) => void;
  /** Per request; a request that never answers is aborted and retried. */
  timeoutMs?: number;
  retry?: RetryOptions;
}

export function createChecksClient(options: GitHubClientOptions): ChecksClient {
  const { owner, repo } = options;
  const timeoutMs = options.timeoutMs ?? DEFAULT_TIMEOUT_MS;
  const retry = options.retry ?? DEFAULT_RETRY;
  const octokit = new Octokit({
    auth: options.token,
    baseUrl: options.baseUrl,
    userAgent: 'kmlint-action',
    // Octokit logs failed requests to stderr; a 403 on a fork is expected, so keep its log in debug output.
    log: { debug: options.debug, info: options.debug, warn: options.debug, error: options.debug },
    request: { fetch: (url: string, init: RequestInit) => fetch(url, { ...init, signal: AbortSignal.timeout(timeoutMs) }) },
  });
  return {
    async create({ name, headSha, conclusion, output }) {
      const { data } = await withRetry(
        () =>
          octokit.rest.checks.create({
            owner,
            repo,
            name,
            head_sha: headSha,
            status: 'completed',
            conclusion,
            completed_at: new Date().toISOString(),
            output,
          }),
        retry,
      );
      return { id: data.id, htmlUrl: data.html_url ?? undefined };
    },
    async update({ checkRunId, output }) {
      await withRetry(() => octokit.rest.checks.update({ owner, repo, check_run_id: checkRunId, output }), retry);
    },
  };
}
