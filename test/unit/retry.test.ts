import fc from "fast-check";
import { describe, expect, it } from "vitest";
import {
  type AttemptOutcome,
  parseRetryAfter,
  retryDefaults,
  retryDelay,
  shouldRetry,
} from "../../src/internal/retry.js";

const now = Date.parse("2026-11-26T12:00:00Z");
const response = (status: number, retryAfter: string | null = null): AttemptOutcome => ({
  kind: "response",
  status,
  retryAfter,
});

describe("shouldRetry", () => {
  it.each([408, 429, 500, 502, 503, 504])("retries %i while retries remain", (status) => {
    expect(shouldRetry(response(status), 0, 2, now)).toBe(true);
    expect(shouldRetry(response(status), 1, 2, now)).toBe(true);
    expect(shouldRetry(response(status), 2, 2, now)).toBe(false);
  });

  it("never retries any other status", () => {
    fc.assert(
      fc.property(
        fc
          .integer({ min: 100, max: 599 })
          .filter((s) => ![408, 429, 500, 502, 503, 504].includes(s)),
        (status) => {
          expect(shouldRetry(response(status), 0, 5, now)).toBe(false);
        },
      ),
    );
  });

  it("retries timeouts and connection failures, never a caller's abort", () => {
    expect(shouldRetry({ kind: "timeout" }, 0, 1, now)).toBe(true);
    expect(shouldRetry({ kind: "connection" }, 0, 1, now)).toBe(true);
    expect(shouldRetry({ kind: "aborted" }, 0, 1, now)).toBe(false);
    expect(shouldRetry({ kind: "timeout" }, 0, 0, now)).toBe(false);
  });

  it("gives up when Retry-After asks for more than the cap", () => {
    expect(shouldRetry(response(429, "60"), 0, 2, now)).toBe(true);
    expect(shouldRetry(response(429, "61"), 0, 2, now)).toBe(false);
    expect(shouldRetry(response(503, new Date(now + 120_000).toUTCString()), 0, 2, now)).toBe(
      false,
    );
  });
});

describe("parseRetryAfter", () => {
  it("reads delta-seconds", () => {
    expect(parseRetryAfter("0", now)).toBe(0);
    expect(parseRetryAfter(" 7 ", now)).toBe(7000);
  });
  it("reads an HTTP date relative to the injected clock", () => {
    expect(parseRetryAfter("Thu, 26 Nov 2026 12:00:05 GMT", now)).toBe(5000);
    expect(parseRetryAfter("Thu, 26 Nov 2026 11:00:00 GMT", now)).toBe(0);
  });
  it("ignores what it cannot read", () => {
    expect(parseRetryAfter(null, now)).toBeUndefined();
    expect(parseRetryAfter("soon", now)).toBeUndefined();
    expect(parseRetryAfter("-3", now)).toBeUndefined();
  });
  it.each(["5abc", "5 seconds", "10s"])("ignores %j: digits followed by anything else", (value) => {
    expect(parseRetryAfter(value, now)).toBeUndefined();
  });
});

describe("retryDelay", () => {
  it("doubles from 250 ms, with at most 25% taken off as jitter", () => {
    expect(retryDelay({ kind: "timeout" }, 0, now, () => 0)).toBe(250);
    expect(retryDelay({ kind: "timeout" }, 1, now, () => 0)).toBe(500);
    expect(retryDelay({ kind: "timeout" }, 2, now, () => 0)).toBe(1000);
    expect(retryDelay({ kind: "timeout" }, 0, now, () => 0.999_999)).toBe(188);
  });

  it("stays within [75%, 100%] of the capped backoff for any retry and random value", () => {
    fc.assert(
      fc.property(
        fc.nat(40),
        fc.double({ min: 0, max: 1, maxExcluded: true, noNaN: true }),
        (retry, random) => {
          const cap = Math.min(retryDefaults.initialDelayMs * 2 ** retry, retryDefaults.maxDelayMs);
          const delay = retryDelay(response(503), retry, now, () => random);
          expect(delay).toBeGreaterThanOrEqual(Math.floor(cap * 0.75));
          expect(delay).toBeLessThanOrEqual(cap);
        },
      ),
    );
  });

  it("uses Retry-After when the server sent one, up to the cap", () => {
    expect(retryDelay(response(429, "3"), 0, now, () => 0.5)).toBe(3000);
    expect(retryDelay(response(429, "Thu, 26 Nov 2026 12:00:02 GMT"), 0, now, () => 0.5)).toBe(
      2000,
    );
    expect(retryDelay(response(429, "86400"), 0, now, () => 0.5)).toBe(
      retryDefaults.maxRetryAfterMs,
    );
  });

  it("never waits less than its own backoff: Retry-After 0 or a past date is not a tight loop", () => {
    fc.assert(
      fc.property(
        fc.nat(10),
        fc.constantFrom("0", "1", "Thu, 26 Nov 2026 11:00:00 GMT", "Thu, 01 Jan 1970 00:00:00 GMT"),
        (retry, retryAfter) => {
          const own = retryDelay(response(503), retry, now, () => 0.5);
          const delay = retryDelay(response(429, retryAfter), retry, now, () => 0.5);
          expect(delay).toBeGreaterThanOrEqual(own);
          expect(delay).toBeGreaterThanOrEqual(Math.floor(retryDefaults.initialDelayMs * 0.75));
        },
      ),
    );
  });
});
