/** What the Action needs to know about the workflow run, from the runner's GITHUB_* variables. */
import { readFileSync } from 'node:fs';

export interface GitHubContext {
  apiUrl: string;
  owner: string;
  repo: string;
  /** The commit the check run is attached to: the PR head on pull requests, else GITHUB_SHA. */
  headSha: string;
  eventName: string;
  workspace: string;
  stepSummaryFile?: string;
}

const PULL_REQUEST_EVENTS = new Set(['pull_request', 'pull_request_target', 'pull_request_review']);

export function readGitHubContext(env: NodeJS.ProcessEnv, cwd: string): GitHubContext {
  const [owner = '', repo = ''] = (env.GITHUB_REPOSITORY ?? '').split('/');
  const eventName = env.GITHUB_EVENT_NAME ?? '';
  return {
    apiUrl: (env.GITHUB_API_URL || 'https://api.github.com').replace(/\/+$/, ''),
    owner,
    repo,
    // On pull_request GITHUB_SHA is the merge commit; a check run on it would not show on the PR.
    headSha: (PULL_REQUEST_EVENTS.has(eventName) && pullRequestHeadSha(env.GITHUB_EVENT_PATH)) || env.GITHUB_SHA || '',
    eventName,
    workspace: env.GITHUB_WORKSPACE || cwd,
    stepSummaryFile: env.GITHUB_STEP_SUMMARY || undefined,
  };
}

function pullRequestHeadSha(eventPath: string | undefined): string | undefined {
  if (!eventPath) return undefined;
  try {
    const event = JSON.parse(readFileSync(eventPath, 'utf8')) as { pull_request?: { head?: { sha?: unknown } } };
    const sha = event.pull_request?.head?.sha;
    return typeof sha === 'string' ? sha : undefined;
  } catch {
    return undefined;
  }
}
