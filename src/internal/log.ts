// What the client tells about its calls: a console-shaped logger at a level the user turns on
// (`logLevel`, or HSRCPAY_LOG where there is an environment), and an `onRetry` hook for telemetry.
// Every line is built from the method and path, statuses, timings, request ids and the
// Idempotency-Key; a failure body only at `debug`, as its masked 200-character start. Never the
// token or a key: the lines are made from values that were masked before they got here.
import { HsrcpayValidationError } from "../errors/validation-error.js";
import type { Mask } from "./mask.js";

export type LogLevel = "off" | "error" | "warn" | "info" | "debug";

/** Anything shaped like `console`: `console` itself, pino, winston, a test's recorder. */
export interface Logger {
  debug(message: string): void;
  info(message: string): void;
  warn(message: string): void;
  error(message: string): void;
}

/** One retry about to happen, as `onRetry` receives it. */
export interface RetryEvent {
  /** `POST /v1/api-keys/`: the method and path, never the query. */
  readonly operation: string;
  /** The attempt that failed, from 1. */
  readonly attempt: number;
  /** 1 + maxRetries. */
  readonly maxAttempts: number;
  /** Why it is retried: a retryable status (408, 429, 5xx), no answer in time, or no connection. */
  readonly reason: "status" | "timeout" | "connection";
  /** The status that is retried, for `reason: "status"`. */
  readonly status: number | undefined;
  /** The wait before the next attempt. */
  readonly delayMs: number;
  readonly durationMs: number;
  readonly requestId: string | undefined;
  /** The same on every attempt of the call, so the server applies a write once. */
  readonly idempotencyKey: string | undefined;
}

export type RetryHook = (event: RetryEvent) => void | Promise<void>;

/** How many unknown enum values one client tells of; past them, it stays silent. */
const maxUnknownValues = 100;
const levels: Record<LogLevel, number> = { off: 0, error: 1, warn: 2, info: 3, debug: 4 };
const levelNames = Object.keys(levels) as LogLevel[];
const methods = ["error", "warn", "info", "debug"] as const;

/** One attempt's end, as the transport reports it. */
export interface AttemptReport {
  operation: string;
  attempt: number;
  maxAttempts: number;
  /** A status, or the kind of failure when nothing usable arrived. */
  outcome: number | "timeout" | "connection" | "aborted";
  durationMs: number;
  requestId: string | undefined;
  idempotencyKey: string | undefined;
  /** Masked and capped: the start of a failure body, or what went wrong with the connection. */
  detail?: string | undefined;
}

/**
 * The transport's reporter: each method is a no-op below the level, and tells whether anything
 * listens, so that the hot path builds no strings and reads no clock when logging is off.
 */
export class Reporter {
  readonly #logger: Logger;
  readonly #level: number;
  readonly #onRetry: RetryHook | undefined;
  /** The unknown enum values already told of, as `field value`. */
  readonly #unknown = new Set<string>();

  constructor(logger: Logger, level: LogLevel, onRetry: RetryHook | undefined) {
    this.#logger = logger;
    this.#level = levels[level];
    this.#onRetry = onRetry;
  }

  /** Whether attempts are timed and reported at all. */
  get active(): boolean {
    return this.#level > 0 || this.#onRetry !== undefined;
  }

  attempt(report: AttemptReport): void {
    if (this.#level < levels.debug) return;
    const detail = report.detail ? `: ${report.detail}` : "";
    this.#write(
      "debug",
      `${report.operation} attempt ${report.attempt}/${report.maxAttempts}: ${said(report.outcome)} in ${ms(report.durationMs)}${ids(report)}${detail}`,
    );
  }

  retry(event: RetryEvent): void {
    if (this.#level >= levels.warn) {
      const why = said(event.reason === "status" ? (event.status as number) : event.reason);
      this.#write(
        "warn",
        `${event.operation} attempt ${event.attempt}/${event.maxAttempts} got ${why}; retrying in ${ms(event.delayMs)} with the same idempotency key${ids(event)}`,
      );
    }
    const hook = this.#onRetry;
    if (hook === undefined) return;
    // The hook is the user's: whatever it does, the call goes on (and nothing is left unhandled).
    try {
      const result = hook(event);
      if (result && typeof result.then === "function")
        result.then(undefined, (error) => this.#hookFailed(error));
    } catch (error) {
      this.#hookFailed(error);
    }
  }

  /**
   * The call's end: `info` for a 2xx, `error` for anything else (a failure status, a redirect the
   * client refused, a status outside HTTP's range, no answer).
   */
  finished(report: AttemptReport, attempts: number, totalMs: number): void {
    const { outcome } = report;
    const failed = typeof outcome !== "number" || outcome < 200 || outcome > 299;
    if (this.#level < (failed ? levels.error : levels.info)) return;
    const tries = `${attempts} attempt${attempts === 1 ? "" : "s"}`;
    this.#write(
      failed ? "error" : "info",
      `${report.operation} ${failed ? "failed: " : ""}${said(outcome)} after ${tries} in ${ms(totalMs)}${ids(report)}`,
    );
  }

  /**
   * Values of an answer outside the enums the spec documents: each field and value once per client
   * (the field's list positions left out), at most `maxUnknownValues` of them, so that a server
   * sending a new value on every item cannot fill the log or the memory.
   */
  unknownValues(
    operation: string,
    found: readonly [at: string, value: string][],
    mask: Mask,
  ): void {
    if (this.#level < levels.warn) return;
    for (const [at, value] of found) {
      // `.payment.status`, or `[3].status` in a list's items: `payment.status`, `status`.
      const field = at.replace(/\[\d+\]/g, "[]").replace(/^(\[\])?\./, "");
      const seen = `${field} ${value}`;
      if (this.#unknown.has(seen) || this.#unknown.size >= maxUnknownValues) continue;
      this.#unknown.add(seen);
      const shown = JSON.stringify(mask(value).slice(0, 64));
      this.#write(
        "warn",
        `${operation}: ${field} is ${shown}, a value this version does not know (it is passed on as it is)`,
      );
    }
  }

  #hookFailed(error: unknown): void {
    this.#write("warn", `onRetry threw (the call goes on): ${describeError(error)}`);
  }

  #write(method: (typeof methods)[number], line: string): void {
    write(this.#logger, method, line);
  }
}

/**
 * One line to the caller's logger, which cannot hurt the call: what it throws is dropped, and so is
 * a rejected promise it returns (a remote sink that is down), which would otherwise end the process
 * as an unhandled rejection. Neither is told to the logger: it is the thing that failed.
 */
function write(logger: Logger, method: (typeof methods)[number], line: string): void {
  try {
    const result: unknown = logger[method](`[hsrcpay] ${line}`);
    if (typeof result === "object" && result !== null && "then" in result) {
      const { then } = result as { then: unknown };
      if (typeof then === "function") then.call(result, undefined, noop);
    }
  } catch {
    // A logger that throws must not turn a working call into a failed one.
  }
}

function noop(): void {}

/** What a thrown value says, at most 200 characters; never throws (`Object.create(null)`, getters). */
function describeError(error: unknown): string {
  try {
    const message: unknown = error instanceof Error ? error.message : String(error);
    return typeof message === "string" ? message.slice(0, 200) : "(a value that is not a message)";
  } catch {
    return "(a value that cannot be printed)";
  }
}

const outcomeWords = {
  timeout: "no answer in time",
  connection: "a connection failure",
  aborted: "aborted by the caller",
} as const;

/** A status as its number, a failure in words. */
function said(outcome: AttemptReport["outcome"]): string {
  return typeof outcome === "number" ? `${outcome}` : outcomeWords[outcome];
}

function ms(value: number): string {
  return `${Math.round(value)} ms`;
}

function ids(event: { requestId: string | undefined; idempotencyKey: string | undefined }): string {
  const parts = [];
  if (event.requestId !== undefined) parts.push(`request id ${event.requestId}`);
  if (event.idempotencyKey !== undefined) parts.push(`idempotency key ${event.idempotencyKey}`);
  return parts.length ? ` (${parts.join(", ")})` : "";
}

/**
 * The reporter for a client's options, or undefined when nothing would be reported (the default:
 * a client that was not asked to log reads no clock and builds no line). `logLevel` in code must be
 * a level; HSRCPAY_LOG is read forgivingly (any case, spaces around it), and a value that is no
 * level leaves logging off with one warning, since a typo in the environment must not stop an
 * application from starting.
 */
export function reporterFor(
  options: { logger?: unknown; logLevel?: unknown; onRetry?: unknown },
  env: string | undefined,
): Reporter | undefined {
  let level: LogLevel = "off";
  let unknownEnv: string | undefined;
  if (options.logLevel !== undefined) {
    if (!isLevel(options.logLevel)) {
      throw new HsrcpayValidationError("logLevel", `must be one of ${levelList}`);
    }
    level = options.logLevel;
  } else if (env !== undefined) {
    const read = env.trim().toLowerCase();
    if (isLevel(read)) level = read;
    else if (read !== "") unknownEnv = env;
  }
  const logger = options.logger ?? globalThis.console;
  if ((options.logger !== undefined || level !== "off") && !consoleShaped(logger)) {
    throw new HsrcpayValidationError(
      "logger",
      "must be console-shaped: an object with debug, info, warn and error functions",
    );
  }
  if (options.onRetry !== undefined && typeof options.onRetry !== "function") {
    throw new HsrcpayValidationError("onRetry", "must be a function");
  }
  // With nowhere to write the warning (a runtime without a console), the typo stays silent: it
  // must not stop the application from starting either.
  if (unknownEnv !== undefined && consoleShaped(logger)) {
    warnUnknownEnv(logger as Logger, unknownEnv);
  }
  const reporter = new Reporter(logger as Logger, level, options.onRetry as RetryHook | undefined);
  return reporter.active ? reporter : undefined;
}

const levelList = levelNames.map((name) => `"${name}"`).join(", ");

/** Whether `logger` has the four methods; a getter that throws makes it not console-shaped. */
function consoleShaped(logger: unknown): boolean {
  try {
    return (
      typeof logger === "object" &&
      logger !== null &&
      methods.every((method) => typeof (logger as Record<string, unknown>)[method] === "function")
    );
  } catch {
    return false;
  }
}

function isLevel(value: unknown): value is LogLevel {
  return typeof value === "string" && Object.hasOwn(levels, value);
}

/** Which HSRCPAY_LOG values each logger was already warned of: one line, not one per client. */
const warned = new WeakMap<object, Set<string>>();

function warnUnknownEnv(logger: Logger, value: string): void {
  const seen = warned.get(logger) ?? new Set<string>();
  warned.set(logger, seen);
  if (seen.has(value)) return;
  seen.add(value);
  // A long value is no mistyped level but something else put there by mistake (a key, say):
  // its length is enough to find it. The longest level is five letters.
  const shown =
    value.length <= 10 ? JSON.stringify(value) : `a ${value.length}-character value (not shown)`;
  write(
    logger,
    "warn",
    `HSRCPAY_LOG is set to ${shown}, which is not a log level, so logging stays off; accepted, in any case: ${levelList}`,
  );
}
