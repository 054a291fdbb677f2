// When to retry and how long to wait: pure functions, so tests drive them with a fake clock and
// random source. HSRCPAY's SDK guide (errors-and-retries): validation 4xx and 401/403 are not
// retried; 409 is an idempotency conflict to surface; 5xx and timeouts get limited backoff with the
// same idempotency key (its example delays: 250, 750, 1500 ms).

export const retryDefaults = {
  /** Retries after the first attempt. */
  maxRetries: 2,
  /** First backoff delay; doubles each retry. */
  initialDelayMs: 250,
  /** Cap on one backoff delay. */
  maxDelayMs: 8_000,
  /** A Retry-After longer than this is not waited for: the error is surfaced instead. */
  maxRetryAfterMs: 60_000,
  /** The largest `maxRetries` accepted: past it, backoff alone would hold a call for minutes. */
  maxRetriesLimit: 10,
} as const;

export const retryableStatuses: ReadonlySet<number> = new Set([408, 429, 500, 502, 503, 504]);

export type AttemptOutcome =
  | { kind: "response"; status: number; retryAfter: string | null }
  | { kind: "timeout" }
  | { kind: "connection" }
  | { kind: "aborted" };

/** `retry` is the index of the retry being considered (0 for the first retry). */
export function shouldRetry(
  outcome: AttemptOutcome,
  retry: number,
  maxRetries: number,
  now: number,
): boolean {
  // The caller gave a budget; never exceed it.
  if (retry >= maxRetries) return false;
  // The caller cancelled: stop at once.
  if (outcome.kind === "aborted") return false;
  // No answer at all: with the same Idempotency-Key a retried create cannot mint two keys.
  if (outcome.kind === "timeout" || outcome.kind === "connection") return true;
  // Only transient statuses; 409 and every other 4xx need the caller, not another try.
  if (!retryableStatuses.has(outcome.status)) return false;
  // The server asked for a longer pause than we are willing to block for.
  const asked = parseRetryAfter(outcome.retryAfter, now);
  return asked === undefined || asked <= retryDefaults.maxRetryAfterMs;
}

/** Retry-After as milliseconds from `now`: delta-seconds or an HTTP date (RFC 9110 §10.2.3). */
export function parseRetryAfter(value: string | null, now: number): number | undefined {
  if (value === null) return undefined;
  const trimmed = value.trim();
  if (/^\d+$/.test(trimmed)) return Number(trimmed) * 1000;
  // HTTP dates name the day and month; this keeps Date.parse from reading "-3" as a year.
  const date = /[a-z]/i.test(trimmed) ? Date.parse(trimmed) : Number.NaN;
  if (Number.isNaN(date)) return undefined;
  return Math.max(0, date - now);
}

/**
 * Delay before retry number `retry` (0-based): exponential backoff capped at `maxDelayMs` with up
 * to 25% jitter taken off, so that clients that failed together do not return together; or the
 * server's Retry-After when it asks for longer. Backoff is the floor: `Retry-After: 0` or a date in
 * the past must not turn retries into a tight loop (openai-node falls back to its backoff too).
 */
export function retryDelay(
  outcome: AttemptOutcome,
  retry: number,
  now: number,
  random: () => number,
): number {
  const backoff = Math.min(retryDefaults.initialDelayMs * 2 ** retry, retryDefaults.maxDelayMs);
  const jittered = Math.round(backoff * (1 - 0.25 * random()));
  const asked = outcome.kind === "response" ? parseRetryAfter(outcome.retryAfter, now) : undefined;
  return asked === undefined
    ? jittered
    : Math.max(jittered, Math.min(asked, retryDefaults.maxRetryAfterMs));
}
