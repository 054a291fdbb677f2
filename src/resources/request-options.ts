// Per-call options, shared by every resource method.
import { HsrcpayValidationError } from "../errors/validation-error.js";

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
}

const headerValue = /^[\t\x20-\x7e\x80-\xff]*$/;

export function checkTimeout(value: unknown, field: string): void {
  if (value !== undefined && !(typeof value === "number" && value > 0 && Number.isFinite(value))) {
    throw new HsrcpayValidationError(field, "must be a positive number of milliseconds");
  }
}

export function checkMaxRetries(value: unknown, field: string): void {
  if (value !== undefined && !(Number.isInteger(value) && (value as number) >= 0)) {
    throw new HsrcpayValidationError(field, "must be a whole number, 0 or more");
  }
}

/** Validates per-call options of a write; returns lower-cased request headers with its Idempotency-Key. */
export function checkRequestOptions(options: RequestOptions): {
  headers: Record<string, string>;
  idempotencyKey: string;
} {
  checkTimeout(options.timeout, "options.timeout");
  checkMaxRetries(options.maxRetries, "options.maxRetries");
  if (options.signal !== undefined && !(options.signal instanceof AbortSignal)) {
    throw new HsrcpayValidationError("options.signal", "must be an AbortSignal");
  }
  const headers: Record<string, string> = {
    accept: "application/json",
    "content-type": "application/json",
  };
  for (const [name, value] of Object.entries(options.headers ?? {})) {
    if (typeof value !== "string" || !headerValue.test(value)) {
      throw new HsrcpayValidationError(
        `options.headers.${name}`,
        "must be a string without line breaks",
      );
    }
    headers[name.toLowerCase()] = value;
  }
  const idempotencyKey =
    options.idempotencyKey ?? headers["idempotency-key"] ?? crypto.randomUUID();
  if (typeof idempotencyKey !== "string" || !/^[\x21-\x7e]+$/.test(idempotencyKey)) {
    throw new HsrcpayValidationError(
      "options.idempotencyKey",
      "must be a non-empty string of visible ASCII characters",
    );
  }
  headers["idempotency-key"] = idempotencyKey;
  return { headers, idempotencyKey };
}
