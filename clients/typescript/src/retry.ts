/**
 * Retry policy of the client: which responses are retried (429 and 503: the server refused the
 * request before running it, so a retry is safe for queries and mutations alike), how long to wait
 * (Retry-After honoured, never shortened; exponential backoff when absent), with jitter, a bound on
 * attempts and on a single wait, and an abortable sleep.
 */

export interface RetryOptions {
  /** Attempts in all, the first included, 1–10. Default 4. 1 disables retries. */
  maxAttempts?: number;
  /** First backoff step when the response has no Retry-After, ms. Doubles per attempt. Default 250. */
  baseDelayMs?: number;
  /**
   * Longest single wait, ms. Default 30 000. A Retry-After longer than this is not waited for: the
   * error is thrown at once (an hourly quota that resets in 40 minutes should not hang a request).
   */
  maxDelayMs?: number;
  /** HTTP statuses that are retried. Default [429, 503]. */
  retryOn?: readonly number[];
  /** Called before each wait, e.g. to log it. */
  onRetry?: (event: RetryEvent) => void;
  /** Source of randomness in [0, 1) for the jitter. Default Math.random. */
  random?: () => number;
}

export interface RetryEvent {
  /** The attempt that failed, 1-based. */
  attempt: number;
  /** How long the client waits before the next attempt, ms. */
  delayMs: number;
  /** HTTP status of the failed attempt. */
  status: number;
  /** The server's Retry-After, seconds, when it sent one. */
  retryAfterSeconds: number | undefined;
}

export type ResolvedRetryOptions = Required<Omit<RetryOptions, 'onRetry'>> & Pick<RetryOptions, 'onRetry'>;

/** Defaults applied and bounds checked (once, when the client is created). */
export function resolveRetryOptions(options: RetryOptions = {}): ResolvedRetryOptions {
  const resolved = {
    maxAttempts: options.maxAttempts ?? 4,
    baseDelayMs: options.baseDelayMs ?? 250,
    maxDelayMs: options.maxDelayMs ?? 30_000,
    retryOn: options.retryOn ?? [429, 503],
    random: options.random ?? Math.random,
    onRetry: options.onRetry,
  };
  if (!Number.isInteger(resolved.maxAttempts) || resolved.maxAttempts < 1 || resolved.maxAttempts > 10) {
    throw new RangeError('retry.maxAttempts must be an integer from 1 to 10');
  }
  if (!(resolved.baseDelayMs >= 0) || !(resolved.maxDelayMs >= resolved.baseDelayMs)) {
    throw new RangeError('retry delays must satisfy 0 ≤ baseDelayMs ≤ maxDelayMs');
  }
  return resolved;
}

/**
 * Parses a Retry-After header (RFC 9110 §10.2.3): delay-seconds, or an HTTP-date.
 * @returns seconds ≥ 0 from `nowMs`, or undefined when absent or malformed
 */
export function parseRetryAfter(value: string | null | undefined, nowMs = Date.now()): number | undefined {
  if (value === null || value === undefined) return undefined;
  const text = value.trim();
  if (/^\d+$/.test(text)) return Number(text);
  const at = Date.parse(text);
  if (Number.isNaN(at) || !/[a-z]/i.test(text)) return undefined;
  return Math.max(0, Math.ceil((at - nowMs) / 1000));
}

/**
 * How long to wait after failed attempt `attempt` (1-based), ms, or undefined when not worth waiting
 * (a Retry-After beyond maxDelayMs).
 * - With Retry-After: that long plus a jitter of up to 10% + 100 ms (never less than asked: many
 *   clients refused at once should not all come back in the same millisecond).
 * - Without: "equal jitter" exponential backoff, between half and all of
 *   min(maxDelayMs, baseDelayMs · 2^(attempt−1)).
 */
export function retryDelayMs(attempt: number, retryAfterSeconds: number | undefined, options: ResolvedRetryOptions): number | undefined {
  if (retryAfterSeconds !== undefined) {
    const asked = retryAfterSeconds * 1000;
    if (asked > options.maxDelayMs) return undefined;
    return asked + options.random() * (0.1 * asked + 100);
  }
  const cap = Math.min(options.maxDelayMs, options.baseDelayMs * 2 ** (attempt - 1));
  return cap / 2 + (options.random() * cap) / 2;
}

/** The reason of an aborted signal, as fetch would reject with it. */
export function abortReason(signal: AbortSignal): Error {
  const reason: unknown = signal.reason;
  return reason instanceof Error ? reason : new DOMException('This operation was aborted', 'AbortError');
}

/** Waits `ms`, or rejects with the signal's reason as soon as it aborts. */
export function sleep(ms: number, signal?: AbortSignal): Promise<void> {
  return new Promise((resolve, reject) => {
    if (signal?.aborted) {
      reject(abortReason(signal));
      return;
    }
    const onAbort = () => {
      clearTimeout(timer);
      reject(abortReason(signal!));
    };
    const timer = setTimeout(() => {
      signal?.removeEventListener('abort', onAbort);
      resolve();
    }, ms);
    signal?.addEventListener('abort', onAbort, { once: true });
  });
}
