// The client's and the per-call options, checked in one place before anything is sent.
import { HsrcpayValidationError } from "../errors/validation-error.js";
import { setOwn } from "./checks.js";
import { retryDefaults } from "./retry.js";
import type { CallControls } from "./transport.js";

export interface RequestOptions {
  /**
   * Sent as `Idempotency-Key` on every attempt of this call. Reuse it to retry a call whose outcome
   * you did not see (after a crash, say).
   * @default a new `crypto.randomUUID()` per call
   */
  idempotencyKey?: string | undefined;
  /** Aborts the call at once, also while waiting to retry; it then throws `HsrcpayAbortError`. */
  signal?: AbortSignal | undefined;
  /**
   * Milliseconds one attempt may take, reading the body included.
   * @default the client's `timeout` (30 000)
   */
  timeout?: number | undefined;
  /**
   * Retries after the first attempt, for connection failures, timeouts, 408, 429, 500, 502, 503, 504.
   * @default the client's `maxRetries` (2)
   */
  maxRetries?: number | undefined;
  /**
   * Extra request headers, for example `{ Prefer: "code=201" }` against the Prism mock.
   * `Authorization` is always the client's credential.
   * @default {}
   */
  headers?: Record<string, string> | undefined;
  /**
   * The credential for this call only (another account's key, say), checked and masked like the
   * client's, under the same browser rule. For many calls, derive a client: `withOptions({ token })`.
   * @default the client's token
   */
  token?: string | undefined;
}

const headerValue = /^[\t\x20-\x7e\x80-\xff]*$/;
// RFC 9110 §5.6.2 token: what fetch accepts as a header name.
const headerName = /^[!#$%&'*+\-.^_`|~0-9A-Za-z]+$/;
// Framing and connection headers belong to the HTTP stack; fetch refuses some of them with a
// TypeError that would otherwise look like a network failure and be retried.
const reservedHeaders = new Set([
  "connection",
  "content-length",
  "expect",
  "host",
  "keep-alive",
  "proxy-connection",
  "te",
  "trailer",
  "transfer-encoding",
  "upgrade",
]);

/** Bounds on the numeric options, so that a typo cannot become a 1 ms timer or endless retries. */
export const optionLimits = {
  /** Ten minutes: past it a call is better aborted with a signal. Timers overflow at 2^31 ms. */
  maxTimeoutMs: 600_000,
  maxRetries: retryDefaults.maxRetriesLimit,
  /** 1 KiB to 64 MiB: an ApiKey envelope is under 2 KiB. */
  minResponseBytes: 1_024,
  maxResponseBytes: 67_108_864,
} as const;

export function checkTimeout(value: unknown, field: string): void {
  if (
    value !== undefined &&
    !(typeof value === "number" && value > 0 && value <= optionLimits.maxTimeoutMs)
  ) {
    throw new HsrcpayValidationError(
      field,
      `must be a number of milliseconds above 0 and at most ${optionLimits.maxTimeoutMs}`,
    );
  }
}

export function checkMaxRetries(value: unknown, field: string): void {
  if (
    value !== undefined &&
    !(
      Number.isInteger(value) &&
      (value as number) >= 0 &&
      (value as number) <= optionLimits.maxRetries
    )
  ) {
    throw new HsrcpayValidationError(
      field,
      `must be a whole number from 0 to ${optionLimits.maxRetries}`,
    );
  }
}

export function checkMaxResponseBytes(value: unknown, field: string): void {
  if (
    value !== undefined &&
    !(
      Number.isInteger(value) &&
      (value as number) >= optionLimits.minResponseBytes &&
      (value as number) <= optionLimits.maxResponseBytes
    )
  ) {
    throw new HsrcpayValidationError(
      field,
      `must be a whole number of bytes from ${optionLimits.minResponseBytes} to ${optionLimits.maxResponseBytes}`,
    );
  }
}

/** The per-call options, by name: anything else is a typo the caller must hear about. */
const requestOptionNames = [
  "idempotencyKey",
  "signal",
  "timeout",
  "maxRetries",
  "headers",
  "token",
];

/**
 * Refuses an own property of `options` that is not one of `names` (one left `undefined` is left
 * out, as a spread config may hold it): `{ maxRetry: 0 }` silently ignored would retry a payment
 * the caller meant to send once.
 */
export function checkKnownOptions(options: object, names: readonly string[], prefix: string) {
  for (const name of Object.keys(options)) {
    if (names.includes(name) || (options as Record<string, unknown>)[name] === undefined) continue;
    throw new HsrcpayValidationError(
      `${prefix}${name}`,
      `is not an option (the options are ${names.join(", ")})`,
    );
  }
}

/** Headers the client sets itself on every request: a default or per-call one would be ignored. */
const clientHeaders = new Map([
  ["authorization", "is the client's credential: use withOptions({ token }) for another one"],
  ["content-type", "is set by the client (JSON)"],
]);

/**
 * Checks a headers record (`options.headers`, `defaultHeaders`) and returns it with lower-cased
 * names. `idempotency-key` is allowed per call only (as a default, every write would share it).
 */
export function checkHeaders(
  given: unknown,
  field: string,
  perCall: boolean,
): Record<string, string> {
  if (given === undefined) return {};
  const prototype = typeof given === "object" && given !== null && Object.getPrototypeOf(given);
  if (prototype !== Object.prototype && prototype !== null) {
    throw new HsrcpayValidationError(
      field,
      "must be a plain object of header names and values (or, as defaultHeaders, a Headers)",
    );
  }
  const headers: Record<string, string> = {};
  for (const [name, value] of Object.entries(given as object)) {
    const lower = name.toLowerCase();
    if (!headerName.test(name)) {
      throw new HsrcpayValidationError(
        `${field}.${name}`,
        "is not a valid header name (letters, digits and !#$%&'*+-.^_`|~ only)",
      );
    }
    if (reservedHeaders.has(lower)) {
      throw new HsrcpayValidationError(
        `${field}.${name}`,
        "is set by the HTTP stack, not by the caller",
      );
    }
    const owned =
      clientHeaders.get(lower) ??
      (lower === "idempotency-key" && !perCall
        ? "belongs to one write: pass options.idempotencyKey per call"
        : undefined);
    if (owned !== undefined) throw new HsrcpayValidationError(`${field}.${name}`, owned);
    if (typeof value !== "string" || !headerValue.test(value)) {
      throw new HsrcpayValidationError(
        `${field}.${name}`,
        "must be a string of Latin-1 characters without line breaks or other control characters",
      );
    }
    setOwn(headers, lower, value);
  }
  return headers;
}

/**
 * Validates per-call options; returns the caller's headers (lower-cased names) and the settings
 * the transport takes. The Idempotency-Key itself is applied where the request is sent. A read
 * takes no Idempotency-Key: GET is idempotent by itself, and a key given to one is a mistake.
 */
export function checkRequestOptions(
  options: RequestOptions,
  write = true,
): {
  headers: Record<string, string>;
  settings: CallSettings;
} {
  // From JavaScript, `null` or a string would otherwise fail below as a bare TypeError.
  if (typeof options !== "object" || options === null || Array.isArray(options)) {
    throw new HsrcpayValidationError("options", "must be an object");
  }
  checkKnownOptions(options, requestOptionNames, "options.");
  checkTimeout(options.timeout, "options.timeout");
  checkMaxRetries(options.maxRetries, "options.maxRetries");
  if (options.signal !== undefined && !(options.signal instanceof AbortSignal)) {
    throw new HsrcpayValidationError("options.signal", "must be an AbortSignal");
  }
  const { token } = options;
  if (token !== undefined && (typeof token !== "string" || !/^[\x21-\x7e]+$/.test(token))) {
    throw new HsrcpayValidationError(
      "options.token",
      typeof token === "string"
        ? "must be a credential: not empty, without whitespace or non-ASCII characters (a trailing newline?)"
        : "must be a string (the credential for this call)",
    );
  }
  const headers = checkHeaders(options.headers, "options.headers", true);
  const idempotencyKey = options.idempotencyKey ?? headers["idempotency-key"];
  if (!write && idempotencyKey !== undefined) {
    throw new HsrcpayValidationError(
      "options.idempotencyKey",
      "is for writes: a read is idempotent by itself and carries none",
    );
  }
  if (
    idempotencyKey !== undefined &&
    (typeof idempotencyKey !== "string" || !/^[\x21-\x7e]+$/.test(idempotencyKey))
  ) {
    throw new HsrcpayValidationError(
      "options.idempotencyKey",
      "must be a non-empty string of visible ASCII characters",
    );
  }
  return {
    headers,
    settings: {
      signal: options.signal,
      timeoutMs: options.timeout,
      maxRetries: options.maxRetries,
      idempotencyKey,
      token: options.token,
    },
  };
}

/** Per-call settings a resource method hands to the transport (already checked). */
export interface CallSettings extends CallControls {
  idempotencyKey?: string | undefined;
  /** The resource method reads the answer itself (openapi-fetch is told `parseAs: "stream"`). */
  readByClient?: boolean;
  /**
   * The spec's path template (`/api-keys/{id}`): errors name the operation by it, so that their
   * messages stay the same from one id to the next (and group in error trackers).
   */
  schemaPath?: string;
}
