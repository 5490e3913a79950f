/** One check run carrying every finding: created with the first 50 annotations, then updated 50 at a time. */
import { inBatches, type CheckAnnotation } from './annotations.js';

export type CheckConclusion = 'success' | 'neutral' | 'failure';

export interface CheckOutput {
  title: string;
  summary: string;
  annotations: CheckAnnotation[];
}

/** The two Checks API calls the Action makes; `github-client.ts` implements them with Octokit. */
export interface ChecksClient {
  create(params: {
    name: string;
    headSha: string;
    conclusion: CheckConclusion;
    output: CheckOutput;
  }): Promise<{ id: number; htmlUrl?: string }>;
  update(params: { checkRunId: number; output: CheckOutput }): Promise<void>;
}

export interface CheckRunRequest {
  name: string;
  headSha: string;
  conclusion: CheckConclusion;
  title: string;
  summary: string;
  annotations: readonly CheckAnnotation[];
}

export interface PublishedCheckRun {
  id: number;
  htmlUrl?: string;
}

/** Raised when a request fails; `delivered` tells how many annotations already reached GitHub. */
export class CheckRunError extends Error {
  constructor(
    cause: unknown,
    readonly delivered: number,
    readonly status: number | undefined,
  ) {
    super(errorMessage(cause), { cause });
  }

  /** 403/404: the token cannot write checks, as on pull requests from forks (read-only token). */
  get isPermissionDenied(): boolean {
    return this.status === 403 || this.status === 404;
  }
}

export function conclusionFor(exitCode: 0 | 1 | 2, findings: number): CheckConclusion {
  if (exitCode !== 0) return 'failure';
  // Findings below the fail level: worth a look, but not a failure.
  return findings > 0 ? 'neutral' : 'success';
}

export async function publishCheckRun(client: ChecksClient, request: CheckRunRequest): Promise<PublishedCheckRun> {
  const [first = [], ...rest] = inBatches(request.annotations);
  const output = (annotations: CheckAnnotation[]): CheckOutput => ({
    title: request.title,
    summary: request.summary,
    annotations,
  });
  let delivered = 0;
  let created: PublishedCheckRun;
  try {
    created = await client.create({
      name: request.name,
      headSha: request.headSha,
      conclusion: request.conclusion,
      output: output(first),
    });
    delivered += first.length;
    // The API appends the annotations of each update to those already on the check run.
    for (const batch of rest) {
      await client.update({ checkRunId: created.id, output: output(batch) });
      delivered += batch.length;
    }
  } catch (error) {
    throw new CheckRunError(error, delivered, httpStatus(error));
  }
  return created;
}

function httpStatus(error: unknown): number | undefined {
  const status = (error as { status?: unknown } | null)?.status;
  return typeof status === 'number' ? status : undefined;
}

function errorMessage(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
