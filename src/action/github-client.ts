/** The Checks API through Octokit; only the Action bundle imports this (the CLI never loads it). */
import { Octokit } from '@octokit/rest';
import type { ChecksClient } from './check-run.js';

export interface GitHubClientOptions {
  token: string;
  /** GITHUB_API_URL: api.github.com, a GHES host, or the fake server in tests. */
  baseUrl: string;
  owner: string;
  repo: string;
  debug: (message: string) => void;
}

export function createChecksClient(options: GitHubClientOptions): ChecksClient {
  const { owner, repo } = options;
  const octokit = new Octokit({
    auth: options.token,
    baseUrl: options.baseUrl,
    userAgent: 'kmlint-action',
    // Octokit logs failed requests to stderr; a 403 on a fork is expected, so keep its log in debug output.
    log: { debug: options.debug, info: options.debug, warn: options.debug, error: options.debug },
  });
  return {
    async create({ name, headSha, conclusion, output }) {
      const { data } = await octokit.rest.checks.create({
        owner,
        repo,
        name,
        head_sha: headSha,
        status: 'completed',
        conclusion,
        completed_at: new Date().toISOString(),
        output,
      });
      return { id: data.id, htmlUrl: data.html_url ?? undefined };
    },
    async update({ checkRunId, output }) {
      await octokit.rest.checks.update({ owner, repo, check_run_id: checkRunId, output });
    },
  };
}
