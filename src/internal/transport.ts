// One call = up to 1 + maxRetries attempts of `fetch(url, init)`. Everything the network sends back
// is input: redirects are never followed, bodies are read as capped streams, a response about to be
// retried is cancelled unread, and a status outside HTTP's range is an error. Each attempt has its
// own timeout, which also covers reading the body; the caller's signal aborts at once, also while
// the token function runs and during a backoff wait. Every attempt re-sends the same body string and
// the same Idempotency-Key.

import {
  HsrcpayAbortError,
  HsrcpayConnectionError,
  type HsrcpayError,
  HsrcpayTimeoutError,
} from "../errors/hsrcpay-error.js";
import { HsrcpayInvalidResponseError } from "../errors/invalid-response-error.js";
import { HsrcpayRedirectError } from "../errors/redirect-error.js";
import { onAbort } from "./abort-listeners.js";
import { type Received, requestIdOf, snippet } from "./answer.js";
import { discardBody, type Framing, type ReadBody, readCapped } from "./body.js";
import type { AttemptReport, Reporter } from "./log.js";
import {
  type Redact,
  redactHeader,
  redactHeaders,
  redactorFor,
  responseRedactor,
  withRequestSecrets,
} from "./redact.js";
import { retryDelay, shouldRetry } from "./retry.js";

export interface TransportConfig {
  fetch: typeof fetch;
  /** The bearer token for one call (checked, browser rule applied): a string when it is fixed. */
  token: () => string | Promise<string>;
  /** Checks a per-call token as the client's is checked (its shape, the browser rule). */
  callToken?: ((token: string) => string) | undefined;
  maxRetries: number;
  timeoutMs: number;
  /** Cap on a body's decoded bytes; failure bodies are capped at `errorBodyLimit` below it. */
  maxResponseBytes: number;
  /** Logs attempts, retries and outcomes, and calls `onRetry`; absent when nothing listens. */
  reporter?: Reporter | undefined;
  /**
   * True when the fetch an attempt is about to use is the runtime's own, which rejects its promise
   * and errors the body stream when the signal aborts: the attempt then needs no race against its
   * deadline. Any other fetch may ignore the signal, so its promise and body are raced, and a hung
   * one cannot hang the call.
   */
  honoursSignal?: (() => boolean) | undefined;
  /** The caller's extra `fetch` init (an undici `dispatcher`, Bun's `proxy`), under the client's own. */
  fetchOptions?: Readonly<Record<string, unknown>> | undefined;
}

export interface OutgoingRequest {
  method: string;
  url: string;
  /** Everything but Authorization, which the transport adds. */
  headers: Record<string, string>;
  body: string | undefined;
}

export interface CallControls {
  signal?: AbortSignal | undefined;
  timeoutMs?: number | undefined;
  maxRetries?: number | undefined;
  /** The secrets the request body sends (card data, a webhook secret): masked in all but the data. */
  secrets?: ReadonlySet<string> | undefined;
  /** This call's own credential, checked by `config.callToken`, instead of the client's. */
  token?: string | undefined;
}

/** Failure bodies keep only a snippet and the small error envelope: 64 KiB is plenty. */
export const errorBodyLimit = 65_536;

type Attempt =
  | { kind: "response"; status: number; retryAfter: string | null; response: Response }
  | { kind: "timeout" | "connection" | "aborted"; error: unknown };

type Failure = Exclude<Attempt, { kind: "response" }>;

export async function send(
  config: TransportConfig,
  request: OutgoingRequest,
  controls: CallControls,
): Promise<Received> {
  const { signal } = controls;
  const timeoutMs = controls.timeoutMs ?? config.timeoutMs;
  const maxRetries = controls.maxRetries ?? config.maxRetries;
  if (signal?.aborted) throw new HsrcpayAbortError({ cause: signal.reason });
  const pending =
    controls.token === undefined
      ? config.token()
      : (config.callToken?.(controls.token) ?? controls.token);
  // A fixed token is a string: no timer or listener is needed to wait for it.
  const token =
    typeof pending === "string" ? pending : await awaitToken(pending, timeoutMs, signal);
  const secrets = controls.secrets?.size ? controls.secrets : undefined;
  const redact = secrets ? withRequestSecrets(redactorFor(token), secrets) : redactorFor(token);
  const init: RequestInit = {
    // The caller's fetch options first: none of them can replace what follows.
    ...config.fetchOptions,
    method: request.method,
    headers: { ...request.headers, authorization: `Bearer ${token}` },
    body: request.body ?? null,
    // Never follow: see HsrcpayRedirectError. Browsers answer with an opaque response (status 0).
    redirect: "manual",
    signal: null,
  };

  const { reporter } = config;
  const tell = reporter && new Telling(reporter, request, maxRetries, redact);
  let uncertain = false;
  for (let retry = 0; ; retry++) {
    if (signal?.aborted) throw new HsrcpayAbortError({ cause: signal.reason });
    const guard = new AttemptGuard(timeoutMs, signal, !config.honoursSignal?.());
    init.signal = guard.signal;
    tell?.start();
    let attempt: Attempt;
    try {
      attempt = await fetchHead(config.fetch, request.url, init, guard);
      if (attempt.kind === "response") {
        const { response } = attempt;
        if (shouldRetry(attempt, retry, maxRetries, Date.now())) {
          discardBody(response);
          tell?.attempt(attempt.status, response.headers, redact);
        } else {
          const failure = unreadable(response, request, redact);
          if (failure) {
            discardBody(response);
            tell?.end(tell.attempt(attempt.status, response.headers, redact));
            throw failure;
          }
          const head = headOf(response.headers, redact);
          const limit =
            attempt.status < 300
              ? config.maxResponseBytes
              : Math.min(config.maxResponseBytes, errorBodyLimit);
          let body: ReadBody | undefined;
          try {
            body = await readCapped(response, readLimit(head, limit), guard.interrupt, head);
          } catch (error) {
            // A body cut by a reset is like no answer: retried with the same Idempotency-Key.
            attempt = guard.classify(error);
          }
          if (body !== undefined) {
            const answer = received(response, head, body, limit, uncertain, redact, !!secrets);
            tell?.end(tell.answer(answer));
            return answer;
          }
        }
      }
    } finally {
      guard.dispose();
    }
    // Here the attempt is a failure, or a response that is to be retried.
    if (attempt.kind !== "response") {
      const report = tell?.failure(attempt, redact);
      if (!shouldRetry(attempt, retry, maxRetries, Date.now())) {
        if (report) tell?.end(report);
        throw failureOf(attempt, timeoutMs, redact, request.headers["idempotency-key"]);
      }
    }
    uncertain ||= attempt.kind !== "response" || attempt.status >= 500;
    const delayMs = retryDelay(attempt, retry, Date.now(), Math.random);
    tell?.retry(attempt, delayMs);
    try {
      await sleep(delayMs, signal);
    } catch (error) {
      tell?.end(tell.failure({ kind: "aborted", error }, redact));
      // Between attempts: the last one may have taken effect.
      throw new HsrcpayAbortError({
        cause: signal?.reason,
        idempotencyKey: request.headers["idempotency-key"],
      });
    }
  }
}

/**
 * Reports one call's attempts to the reporter. Made only when someone listens, so a client that
 * does not log reads no clock and builds no report.
 */
class Telling {
  readonly #reporter: Reporter;
  readonly #operation: string;
  readonly #idempotencyKey: string | undefined;
  readonly #maxAttempts: number;
  readonly #callStarted = performance.now();
  #attempt = 0;
  #attemptStarted = 0;
  #last: AttemptReport | undefined;

  constructor(reporter: Reporter, request: OutgoingRequest, maxRetries: number, redact: Redact) {
    this.#reporter = reporter;
    // The path may hold anything the caller passed as an id, the token included by mistake.
    this.#operation = redact(labelOf(request));
    this.#idempotencyKey = request.headers["idempotency-key"];
    this.#maxAttempts = maxRetries + 1;
  }

  start(): void {
    this.#attempt += 1;
    this.#attemptStarted = performance.now();
  }

  /** An answer that is not read: retried, or refused (a redirect, a status outside 200-599). */
  attempt(status: number, headers: Headers, redact: Redact): AttemptReport {
    const id = requestIdOf(headers);
    return this.#report(status, id === undefined ? undefined : redactHeader("", id, redact));
  }

  /** The answer the call returns; a failure's body shows as the errors show it. */
  answer(answer: Received): AttemptReport {
    // A success's request id has not met its body's secrets yet (see `received`).
    const { requestId } = answer;
    return this.#report(
      answer.status,
      requestId === undefined ? undefined : redactHeader("", requestId, answer.redact),
      answer.status >= 300 ? snippet(answer) : undefined,
    );
  }

  failure(attempt: Failure, redact: Redact): AttemptReport {
    const detail =
      attempt.kind === "connection"
        ? redact(describeCause(attempt.error)).slice(0, 200)
        : undefined;
    return this.#report(attempt.kind, undefined, detail);
  }

  retry(attempt: Attempt, delayMs: number): void {
    const last = this.#last;
    this.#reporter.retry({
      operation: this.#operation,
      attempt: this.#attempt,
      maxAttempts: this.#maxAttempts,
      reason:
        attempt.kind === "response"
          ? "status"
          : attempt.kind === "timeout"
            ? "timeout"
            : "connection",
      status: attempt.kind === "response" ? attempt.status : undefined,
      delayMs,
      durationMs: last?.durationMs ?? 0,
      requestId: last?.requestId,
      idempotencyKey: this.#idempotencyKey,
    });
  }

  end(report: AttemptReport): void {
    this.#reporter.finished(report, this.#attempt, performance.now() - this.#callStarted);
  }

  #report(
    outcome: AttemptReport["outcome"],
    requestId: string | undefined,
    detail?: string,
  ): AttemptReport {
    const report: AttemptReport = {
      operation: this.#operation,
      attempt: this.#attempt,
      maxAttempts: this.#maxAttempts,
      outcome,
      durationMs: performance.now() - this.#attemptStarted,
      requestId,
      idempotencyKey: this.#idempotencyKey,
      detail,
    };
    this.#last = report;
    this.#reporter.attempt(report);
    return report;
  }
}

/** The token function runs under the call's signal and first timeout: it cannot hang the call. */
async function awaitToken(
  pending: Promise<string>,
  timeoutMs: number,
  signal: AbortSignal | undefined,
): Promise<string> {
  const guard = new AttemptGuard(timeoutMs, signal);
  try {
    return await guard.race(pending);
  } catch (error) {
    if (signal?.aborted) throw new HsrcpayAbortError({ cause: signal.reason });
    if (guard.timedOut) {
      throw new HsrcpayTimeoutError(
        timeoutMs,
        `The token function did not return within ${timeoutMs} ms; nothing was sent`,
      );
    }
    throw error;
  } finally {
    guard.dispose();
  }
}

/**
 * One attempt's deadline and abort: `signal` is handed to fetch, and `interrupt` rejects at the same
 * moment, for what does not listen to a signal. A class rather than a bag of closures: one is made
 * for every call.
 */
class AttemptGuard {
  readonly #controller = new AbortController();
  /**
   * Rejects on timeout or abort, so that a fetch (or token function, or body stream) that ignores
   * its signal cannot hang the call; rejected harmlessly on dispose, so that it never stays
   * pending holding the attempt's promises alive. None for the runtime's own fetch.
   */
  readonly interrupt: Promise<never> | undefined;
  #timedOut = false;
  #stopWith: (reason: unknown) => void = noop;
  readonly #timer: ReturnType<typeof setTimeout>;
  readonly #unsubscribe: () => void;
  readonly #caller: AbortSignal | undefined;

  constructor(timeoutMs: number, caller: AbortSignal | undefined, racing = true) {
    this.#caller = caller;
    if (racing) {
      this.interrupt = new Promise<never>((_, reject) => {
        this.#stopWith = reject;
      });
      this.interrupt.catch(noop);
    }
    this.#timer = setTimeout(() => {
      this.#timedOut = true;
      this.#abort(new HsrcpayTimeoutError(timeoutMs));
    }, timeoutMs);
    this.#unsubscribe =
      caller === undefined ? noop : onAbort(caller, () => this.#abort(caller.reason));
  }

  /** Aborted on timeout or when the caller's signal fires; handed to fetch. */
  get signal(): AbortSignal {
    return this.#controller.signal;
  }

  get timedOut(): boolean {
    return this.#timedOut;
  }

  race<T>(promise: Promise<T>): Promise<T> {
    return this.interrupt ? Promise.race([promise, this.interrupt]) : promise;
  }

  classify(error: unknown): Failure {
    if (this.#caller?.aborted) return { kind: "aborted", error };
    if (this.#timedOut) return { kind: "timeout", error };
    return { kind: "connection", error };
  }

  dispose(): void {
    clearTimeout(this.#timer);
    this.#unsubscribe();
    this.#stopWith(undefined);
  }

  #abort(reason: unknown): void {
    this.#controller.abort(reason);
    this.#stopWith(reason);
  }
}

function noop(): void {}

async function fetchHead(
  fetchImpl: typeof fetch,
  url: string,
  init: RequestInit,
  guard: AttemptGuard,
): Promise<Attempt> {
  try {
    const response = await guard.race(fetchImpl(url, init));
    return {
      kind: "response",
      status: response.status,
      retryAfter: response.headers.get("retry-after"),
      response,
    };
  } catch (error) {
    return guard.classify(error);
  }
}

/** The answer's headers, redacted, and what the client reads in them, in one pass. */
interface Head extends Framing {
  headers: Headers;
  requestId: string | undefined;
  /** As sent: read before redaction (see Received.retryAfter). */
  retryAfter: string | null;
}

function headOf(headers: Headers, redact: Redact): Head {
  let length: string | undefined;
  let encoding = "identity";
  let xRequestId: string | undefined;
  let requestId: string | undefined;
  let retryAfter: string | null = null;
  const safe = redactHeaders(headers, redact, (name, value, redacted) => {
    if (name === "content-length") length = value;
    else if (name === "retry-after") retryAfter = value;
    else if (name === "content-encoding") encoding = value;
    else if (name === "x-request-id") xRequestId = redacted;
    else if (name === "request-id") requestId = redacted;
  });
  return {
    headers: safe,
    retryAfter,
    requestId: xRequestId ?? requestId,
    declaredLength: Number(length ?? Number.NaN),
    encoded: encoding !== "identity",
  };
}

/**
 * A body whose uncompressed Content-Length is already past the cap is over it: read only enough for
 * the error's snippet. With a content-encoding the header counts compressed bytes, so it says nothing.
 */
function readLimit(framing: Framing, limit: number): number {
  return !framing.encoded && framing.declaredLength > limit ? Math.min(limit, snippetBytes) : limit;
}

/** Enough of an over-cap body to say what it was. */
const snippetBytes = 16_384;

/** A response that is not an answer to read: a redirect, or a status HTTP does not have. */
function unreadable(
  response: Response,
  request: OutgoingRequest,
  redact: Redact,
): HsrcpayError | undefined {
  const { status } = response;
  // A custom fetch that followed a redirect despite `redirect: "manual"`: its answer came from
  // somewhere the client never sent the request to.
  const followed = response.redirected === true;
  const redirect = response.type === "opaqueredirect" || (status >= 300 && status <= 399);
  const outOfRange = !Number.isInteger(status) || status < 200 || status > 599;
  if (!redirect && !followed && !outOfRange) return undefined;
  const headers = redactHeaders(response.headers, redact);
  const common = {
    headers,
    requestId: requestIdOf(headers),
    idempotencyKey: request.headers["idempotency-key"],
  };
  const label = redact(labelOf(request));
  if (redirect || followed) {
    const location = followed ? redact(response.url) : (headers.get("location") ?? undefined);
    const where = location ? ` to ${location}` : "";
    const what = followed
      ? "a redirect that the fetch implementation followed"
      : status === 0
        ? "an opaque redirect (the browser hides its status and Location)"
        : `a ${status} redirect`;
    return new HsrcpayRedirectError({
      ...common,
      status,
      message: `HSRCPAY answered with ${what}${where}; the client never follows redirects (${label})`,
      body: undefined,
      retryAfterMs: undefined,
      location,
    });
  }
  return new HsrcpayInvalidResponseError({
    ...common,
    message: `HSRCPAY answered with status ${status}, outside HTTP's 200-599 for a final answer (${label})`,
    status,
    contentType: headers.get("content-type"),
    bodyStart: "",
  });
}

function received(
  response: Response,
  head: Head,
  body: ReadBody,
  limit: number,
  uncertain: boolean,
  tokenRedact: Redact,
  /** The request sent secrets: a success's headers are masked too (they go on to `lastResponse`). */
  sentSecrets: boolean,
): Received {
  // The body's secret fields are secrets everywhere in this response. A failure is redacted with
  // them now, headers included, since its headers go on to errors, `raw` and log lines; a success's
  // redactor is worked out only if something is redacted later (an invalid 2xx's error).
  const redact = responseRedactor(tokenRedact, body.text);
  // The headers already went through `tokenRedact` (the request's secrets included) in `headOf`:
  // a second pass is for the body's own secrets only, when it has any.
  const masked = redact !== tokenRedact && (response.status > 299 || sentSecrets);
  let statusText: string | undefined;
  return {
    status: response.status,
    // Worked out when read (by `raw` and error messages), not on every success: redacting it with
    // the body's secrets would parse a body that holds a `key` field a second time.
    // Control characters, and anything a Response's statusText would refuse, are dropped,
    // and the mask's ellipsis is written as three dots, as in headers: a Response refuses U+2026.
    get statusText() {
      statusText ??= redactHeader(
        "",
        response.statusText.replace(/[^\t\x20-\x7e]/g, ""),
        redact,
      ).slice(0, 200);
      return statusText;
    },
    headers: masked ? redactHeaders(head.headers, redact) : head.headers,
    retryAfter: head.retryAfter,
    requestId:
      masked && head.requestId !== undefined
        ? redactHeader("", head.requestId, redact)
        : head.requestId,
    text: body.text,
    bytes: body.bytes,
    truncated: body.truncated,
    limit,
    redact,
    uncertain,
  };
}

function failureOf(
  attempt: Failure,
  timeoutMs: number,
  redact: Redact,
  idempotencyKey: string | undefined,
): HsrcpayError {
  switch (attempt.kind) {
    case "aborted":
      return new HsrcpayAbortError({ cause: attempt.error, idempotencyKey });
    case "timeout":
      return new HsrcpayTimeoutError(timeoutMs, undefined, { idempotencyKey });
    case "connection":
      return new HsrcpayConnectionError(
        `Could not reach HSRCPAY: ${redact(describeCause(attempt.error))}`,
        { cause: safeCause(attempt.error, redact), idempotencyKey },
      );
  }
}

/**
 * A connection failure's cause as the caller may print it: each error of the chain (three deep)
 * with its name, message and code, redacted. Not the error itself: undici's HTTPParserError keeps
 * the raw bytes it could not parse (`data`), where a hostile answer can echo a card or the token.
 */
function safeCause(error: unknown, redact: Redact, depth = 0): Error {
  const copy = new Error(redact(error instanceof Error ? error.message : String(error)));
  if (!(error instanceof Error)) return copy;
  copy.name = redact(error.name);
  const { code } = error as { code?: unknown };
  if (typeof code === "string" || typeof code === "number") {
    Object.assign(copy, { code: redact(String(code)) });
  }
  if (error.cause !== undefined && depth < 2)
    copy.cause = safeCause(error.cause, redact, depth + 1);
  copy.stack = `${copy.name}: ${copy.message}`;
  return copy;
}

/** `POST /v1/api-keys/`: method and path, never the query. */
export function labelOf(request: Pick<OutgoingRequest, "method" | "url">): string {
  const { url } = request;
  const path = url.slice(url.indexOf("/", url.indexOf("//") + 2)).split(/[?#]/)[0];
  return `${request.method} ${path}`;
}

function describeCause(error: unknown): string {
  if (!(error instanceof Error)) return String(error);
  // undici reports "fetch failed" and keeps the useful part (ECONNREFUSED, "other side closed") in cause.
  const inner = error.cause instanceof Error ? `: ${error.cause.message}` : "";
  return `${error.message}${inner}`;
}

function sleep(ms: number, signal: AbortSignal | undefined): Promise<void> {
  return new Promise((resolve, reject) => {
    if (signal?.aborted) return reject(new HsrcpayAbortError({ cause: signal.reason }));
    const unsubscribe = onAbort(signal, () => {
      clearTimeout(timer);
      reject(new HsrcpayAbortError({ cause: signal?.reason }));
    });
    const timer = setTimeout(() => {
      unsubscribe();
      resolve();
    }, ms);
  });
}
