/**
 * Bounded GitHub API calls: each request has a timeout, and server errors (5xx), rate limits (429,
 * secondary rate limits on 403) and requests that time out or never connect are retried a few
 * times with exponential backoff. What still fails is thrown, and the Action falls back to
 * workflow commands.
 */

export interface RetryOptions {
  /** Total tries, the first included. */
  attempts: number;
  /** Wait before the first retry; doubled for each further one. */
  baseDelayMs: number;
  /** A `retry-after` from GitHub is honoured up to this wait. */
  maxDelayMs: number;
  sleep?: (ms: number) => Promise<void>;
}

export const DEFAULT_RETRY: RetryOptions = { attempts: 3, baseDelayMs: 1000, maxDelayMs: 60_000 };
export const DEFAULT_TIMEOUT_MS = 30_000;

interface HttpError {
  status?: unknown;
  message?: unknown;
  response?: { headers?: Record<string, unknown> };
}

export async function withRetry<T>(operation: () => Promise<T>, options: RetryOptions = DEFAULT_RETRY): Promise<T> {
  const sleep = options.sleep ?? ((ms: number) => new Promise<void>((done) => setTimeout(done, ms)));
  for (let attempt = 1; ; attempt++) {
    try {
      return await operation();
    } catch (error) {
      if (attempt >= options.attempts || !isRetryable(error)) throw error;
      await sleep(delayFor(error, attempt, options));
    }
  }
}

/** 5xx, 429, a secondary rate limit, or no HTTP answer at all (timeout, connection refused). */
export function isRetryable(error: unknown): boolean {
  const { status, message } = (error ?? {}) as HttpError;
  if (typeof status !== 'number') return true;
  if (status >= 500 || status === 429) return true;
  return status === 403 && typeof message === 'string' && /secondary rate limit|abuse detection/i.test(message);
}

function delayFor(error: unknown, attempt: number, options: RetryOptions): number {
  const retryAfter = Number((error as HttpError | null)?.response?.headers?.['retry-after']);
  if (Number.isFinite(retryAfter) && retryAfter > 0) return Math.min(retryAfter * 1000, options.maxDelayMs);
  return Math.min(options.baseDelayMs * 2 ** (attempt - 1), options.maxDelayMs);
}

/** A positive whole number from the environment, else the default. */
export function envMilliseconds(value: string | undefined, fallback: number): number {
  const parsed = Number(value);
  return Number.isInteger(parsed) && parsed > 0 ? parsed : fallback;
}
