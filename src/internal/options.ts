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

/** Refuses a number outside its bounds; `undefined` is left to the default. */
function checkBounded(fits: (value: number) => boolean, problem: string) {
  return (value: unknown, field: string): void => {
    if (value !== undefined && !(typeof value === "number" && fits(value))) {
      throw new HsrcpayValidationError(field, problem);
    }
  };
}

const { maxTimeoutMs, maxRetries, minResponseBytes, maxResponseBytes } = optionLimits;
export const checkTimeout = checkBounded(
  (value) => value > 0 && value <= maxTimeoutMs,
  `must be a number of milliseconds above 0 and at most ${maxTimeoutMs}`,
);
export const checkMaxRetries = checkBounded(
  (value) => Number.isInteger(value) && value >= 0 && value <= maxRetries,
  `must be a whole number from 0 to ${maxRetries}`,
);
export const checkMaxResponseBytes = checkBounded(
  (value) => Number.isInteger(value) && value >= minResponseBytes && value <= maxResponseBytes,
  `must be a whole number of bytes from ${minResponseBytes} to ${maxResponseBytes}`,
);

/**
 * The per-call options, by name: anything else is a typo the caller must hear about. Keyed by the
 * type's own keys, so that an option added to `RequestOptions` and not here fails to compile (and
 * the README's list is tested against this one).
 */
const requestOptionKeys: Record<keyof RequestOptions, true> = {
  idempotencyKey: true,
  signal: true,
  timeout: true,
  maxRetries: true,
  headers: true,
  token: true,
};
export const requestOptionNames = Object.keys(requestOptionKeys) as (keyof RequestOptions)[];

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
}

/**
 * The client options, by name: anything else is refused (see checkKnownOptions). A test holds this
 * list equal to `HsrcpayClientOptions`' keys (client.ts imports this module, so the type cannot be
 * imported here) and to the README's table.
 */
export const clientOptionNames = [
  "token",
  "baseUrl",
  "fetch",
  "maxRetries",
  "timeout",
  "dangerouslyAllowBrowser",
  "maxResponseBytes",
  "logLevel",
  "logger",
  "onRetry",
  "defaultHeaders",
  "fetchOptions",
] as const;

const isObjectLike = (value: unknown): value is object =>
  typeof value === "object" && value !== null && !Array.isArray(value);

/** An object literal's kind: its prototype is Object's or none, so spreading it loses nothing. */
function isPlain(value: unknown): value is object {
  if (!isObjectLike(value)) return false;
  const prototype = Object.getPrototypeOf(value);
  return prototype === Object.prototype || prototype === null;
}

/**
 * The client options as a plain object of the ones given (left out when `undefined`), each read
 * once, so that a config class's getters and inherited fields count as they do when read directly.
 * Unknown options are refused; `defaultHeaders` may be a `Headers`; it and `fetchOptions` are copied.
 */
export function readClientOptions(given: unknown): Record<string, unknown> {
  if (!isObjectLike(given)) throw new HsrcpayValidationError("options", "must be an object");
  checkKnownOptions(given, clientOptionNames, "");
  const own: Record<string, unknown> = {};
  for (const name of clientOptionNames) {
    let value: unknown;
    try {
      value = (given as Record<string, unknown>)[name];
    } catch {
      throw new HsrcpayValidationError(name, "could not be read");
    }
    if (value === undefined) continue;
    if (name === "defaultHeaders" && value instanceof Headers) {
      const record: Record<string, string> = {};
      value.forEach((text, header) => {
        record[header] = text;
      });
      value = record;
    } else if ((name === "defaultHeaders" || name === "fetchOptions") && isPlain(value)) {
      value = { ...value };
    }
    own[name] = value;
  }
  return own;
}

/**
 * What `fetchOptions` may not hold, and why: what the client sets on every request, and what
 * `fetch` itself would reject or turn against the call (an `integrity` no JSON answer has, a
 * `no-cors` mode that hides the answer, a `window` outside a page), which would otherwise reach
 * the server and come back as "could not reach HSRCPAY" on every retry.
 */
const unusable = "would make fetch refuse or hide every answer";
const fetchOptionRefusals: Readonly<Record<string, string>> = {
  method: "is set by the client for every request",
  headers: "is set by the client for every request",
  body: "is set by the client for every request",
  signal: "is the client's: each attempt has its own; pass options.signal per call",
  redirect: "is the client's: it never follows a redirect (see HsrcpayRedirectError)",
  integrity: unusable,
  mode: unusable,
  window: unusable,
};

export function checkFetchOptions(value: unknown): Record<string, unknown> | undefined {
  if (value === undefined) return undefined;
  if (!isPlain(value)) {
    throw new HsrcpayValidationError(
      "fetchOptions",
      "must be a plain object of fetch init options (a class's getters and inherited fields would not reach fetch)",
    );
  }
  for (const name of Object.keys(fetchOptionRefusals)) {
    if (Object.hasOwn(value, name)) {
      throw new HsrcpayValidationError(`fetchOptions.${name}`, fetchOptionRefusals[name] as string);
    }
  }
  return value as Record<string, unknown>;
}

/** Where a base URL came from: the option, or the environment variable read in its place. */
type BaseUrlSource = "baseUrl" | "HSRCPAY_BASE_URL";

export function checkBaseUrl(
  value: unknown,
  defaultBaseUrl: string,
  field: BaseUrlSource = "baseUrl",
): string {
  // Said of the variable only: it is read where no baseUrl is given, and an option overrides it.
  const fix = field === "HSRCPAY_BASE_URL" ? " (or unset it, or pass the baseUrl option)" : "";
  let url: URL | undefined;
  try {
    url = typeof value === "string" ? new URL(value) : undefined;
  } catch {
    url = undefined;
  }
  if (!url || (url.protocol !== "https:" && url.protocol !== "http:") || url.search || url.hash) {
    throw new HsrcpayValidationError(
      field,
      `must be an absolute http(s) URL such as ${defaultBaseUrl}${fix}`,
    );
  }
  // Credentials in the URL would travel in the clear to every error message that names the URL.
  if (url.username || url.password) {
    throw new HsrcpayValidationError(
      field,
      `must not contain a user name or password; the client authenticates with its token${fix}`,
    );
  }
  return url.href.replace(/\/+$/, "");
}

/**
 * The API root: the `baseUrl` option when given, else `HSRCPAY_BASE_URL`, else the default, as
 * openai-node reads OPENAI_BASE_URL: spaces around the variable's value are ignored and an empty
 * one counts as unset. The variable's value is checked as the option's is, and a bad one is
 * refused naming the variable, never replaced by the default: requests meant for a sandbox or a
 * mock must not go to production.
 */
export function resolveBaseUrl(
  option: unknown,
  fromEnv: string | undefined,
  defaultBaseUrl: string,
): string {
  if (option !== undefined) return checkBaseUrl(option, defaultBaseUrl);
  const variable = fromEnv?.trim();
  if (variable) return checkBaseUrl(variable, defaultBaseUrl, "HSRCPAY_BASE_URL");
  return checkBaseUrl(defaultBaseUrl, defaultBaseUrl);
}

/** The client options checked, in one place: what is wrong is refused naming the option. */
export function checkClientOptions(
  options: Record<string, unknown>,
  defaultBaseUrl: string,
  /** `HSRCPAY_BASE_URL` as read from the environment, where there is one. */
  envBaseUrl?: string | undefined,
) {
  const defaultHeaders = checkHeaders(options.defaultHeaders, "defaultHeaders", false);
  const fetchOptions = checkFetchOptions(options.fetchOptions);
  const baseUrl = resolveBaseUrl(options.baseUrl, envBaseUrl, defaultBaseUrl);
  checkMaxRetries(options.maxRetries, "maxRetries");
  checkTimeout(options.timeout, "timeout");
  checkMaxResponseBytes(options.maxResponseBytes, "maxResponseBytes");
  if (options.fetch !== undefined && typeof options.fetch !== "function") {
    throw new HsrcpayValidationError("fetch", "must be a function");
  }
  return { defaultHeaders, fetchOptions, baseUrl };
}
