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
import { debugStart, headersOf, maskFor, type Received, requestIdOf } from "./answer.js";
import { discardBody, type Framing, framingOf, readCapped } from "./body.js";
import type { AttemptReport, Reporter } from "./log.js";
import { type Mask, maskOf, tokenForms } from "./mask.js";
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
  /** Everything but Authorization, which the transport adds to this object: the call's own. */
  headers: Record<string, string>;
  body: string | undefined;
  /** How log lines and refusals name the call, where its path holds a secret (a token's place blanked). */
  label?: string | undefined;
}

export interface CallControls {
  signal?: AbortSignal | undefined;
  timeoutMs?: number | undefined;
  maxRetries?: number | undefined;
  /** The secrets the request body sends (card data, a webhook secret): masked in all but the data. */
  secrets?: readonly string[] | undefined;
  /** This call's own credential, checked by `config.callToken`, instead of the client's. */
  token?: string | undefined;
}

/** A failure body is read for its small error envelope only: 64 KiB is plenty. */
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
  const secrets = controls.secrets?.length
    ? [...tokenForms(token), ...controls.secrets]
    : tokenForms(token);
  const { headers } = request;
  const idempotencyKey = headers["idempotency-key"];
  // The request's headers are this call's own copy: the credential is added to it.
  headers.authorization = `Bearer ${token}`;
  const init: RequestInit = {
    // The caller's fetch options first: none of them can replace what follows.
    ...config.fetchOptions,
    method: request.method,
    headers,
    body: request.body ?? null,
    // Never follow: see HsrcpayRedirectError. Browsers answer with an opaque response (status 0).
    redirect: "manual",
    signal: null,
  };

  const { reporter } = config;
  // The call's own mask, for what is reported before an answer (its path, a connection failure):
  // made when first needed, which a call that succeeds without logging never does.
  let callMask: Mask | undefined;
  const mask: Mask = (text) => {
    callMask ??= maskOf(secrets);
    return callMask(text);
  };
  const tell = reporter && new Telling(reporter, request, maxRetries, mask);
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
          tell?.attempt(attempt.status, response.headers);
        } else {
          const failure = unreadable(response, request, mask, idempotencyKey);
          if (failure) {
            discardBody(response);
            tell?.end(tell.attempt(attempt.status, response.headers));
            throw failure;
          }
          const { headers } = response;
          const framing = framingOf(headers);
          const limit =
            attempt.status < 300
              ? config.maxResponseBytes
              : Math.min(config.maxResponseBytes, errorBodyLimit);
          let answer: Received | undefined;
          try {
            const body = await readCapped(
              response,
              readLimit(framing, limit),
              guard.interrupt,
              framing,
            );
            answer = { status: attempt.status, headers, ...body, limit, secrets, uncertain };
          } catch (error) {
            // A body cut by a reset is like no answer: retried with the same Idempotency-Key.
            attempt = guard.classify(error);
          }
          if (answer !== undefined) {
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
      const report = tell?.failure(attempt);
      if (!shouldRetry(attempt, retry, maxRetries, Date.now())) {
        if (report) tell?.end(report);
        throw failureOf(attempt, timeoutMs, mask, idempotencyKey);
      }
    }
    uncertain ||= attempt.kind !== "response" || attempt.status >= 500;
    const delayMs = retryDelay(attempt, retry, Date.now(), Math.random);
    tell?.retry(attempt, delayMs);
    try {
      await sleep(delayMs, signal);
    } catch (error) {
      tell?.end(tell.failure({ kind: "aborted", error }));
      // Between attempts: the last one may have taken effect.
      throw new HsrcpayAbortError({ cause: signal?.reason, idempotencyKey });
    }
  }
}

/**
 * Reports one call's attempts to the reporter. Made only when someone listens, so a client that
 * does not log reads no clock and builds no report.
 */
class Telling {
  readonly #reporter: Reporter;
  readonly #mask: Mask;
  readonly #operation: string;
  readonly #idempotencyKey: string | undefined;
  readonly #maxAttempts: number;
  readonly #callStarted = performance.now();
  #attempt = 0;
  #attemptStarted = 0;
  #last: AttemptReport | undefined;

  constructor(reporter: Reporter, request: OutgoingRequest, maxRetries: number, mask: Mask) {
    this.#reporter = reporter;
    this.#mask = mask;
    // The path may hold anything the caller passed as an id, the token included by mistake.
    this.#operation = mask(request.label ?? labelOf(request));
    this.#idempotencyKey = request.headers["idempotency-key"];
    this.#maxAttempts = maxRetries + 1;
  }

  start(): void {
    this.#attempt += 1;
    this.#attemptStarted = performance.now();
  }

  /** An answer that is not read: retried, or refused (a redirect, a status outside 200-599). */
  attempt(status: number, headers: Headers): AttemptReport {
    const id = requestIdOf(headers);
    return this.#report(status, id === undefined ? undefined : this.#mask(id));
  }

  /** The answer the call returns; a failure's body shows as its masked start. */
  answer(answer: Received): AttemptReport {
    const id = requestIdOf(answer.headers);
    return this.#report(
      answer.status,
      id === undefined ? undefined : maskFor(answer)(id),
      answer.status >= 300 ? debugStart(answer) : undefined,
    );
  }

  failure(attempt: Failure): AttemptReport {
    const detail =
      attempt.kind === "connection"
        ? this.#mask(describeCause(attempt.error)).slice(0, 200)
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

/**
 * A body whose uncompressed Content-Length is already past the cap is over it: read only enough
 * for a `debug` line's start. With a content-encoding the header counts compressed bytes.
 */
function readLimit(framing: Framing, limit: number): number {
  return !framing.encoded && framing.declaredLength > limit ? Math.min(limit, 4_096) : limit;
}

/** A response that is not an answer to read: a redirect, or a status HTTP does not have. */
function unreadable(
  response: Response,
  request: OutgoingRequest,
  mask: Mask,
  idempotencyKey: string | undefined,
): HsrcpayError | undefined {
  const { status } = response;
  // A custom fetch that followed a redirect despite `redirect: "manual"`: its answer came from
  // somewhere the client never sent the request to.
  const followed = response.redirected === true;
  const redirect = response.type === "opaqueredirect" || (status >= 300 && status <= 399);
  const outOfRange = !Number.isInteger(status) || status < 200 || status > 599;
  if (!redirect && !followed && !outOfRange) return undefined;
  const headers = headersOf(response.headers, mask);
  const common = {
    status,
    headers,
    requestId: requestIdOf(headers),
    idempotencyKey,
    retryAfter: undefined,
  };
  const label = mask(request.label ?? labelOf(request));
  if (redirect || followed) {
    const location = originOf(followed ? response.url : response.headers.get("location"), mask);
    const where = location ? ` to ${location}` : "";
    const what = followed
      ? "a redirect that the fetch implementation followed"
      : status === 0
        ? "an opaque redirect (the browser hides its status and Location)"
        : `a ${status} redirect`;
    return new HsrcpayRedirectError({
      ...common,
      message: `HSRCPAY answered with ${what}${where}; the client never follows redirects (${label})`,
      body: undefined,
      location,
    });
  }
  return new HsrcpayInvalidResponseError({
    ...common,
    message: `HSRCPAY answered with status ${status}, outside HTTP's 200-599 for a final answer (${label})`,
    contentType: headers.get("content-type"),
    bodyBytes: 0,
  });
}

/**
 * Where a redirect pointed, as its origin only (`https://login.proxy.example`): its path and query
 * are the server's to fill, with anything the request carried.
 */
function originOf(location: string | null, mask: Mask): string | undefined {
  try {
    // A relative Location does not parse alone; a `data:` or `javascript:` one has no origin.
    const { origin } = new URL(location ?? "");
    return origin === "null" ? undefined : mask(origin);
  } catch {
    return undefined;
  }
}

function failureOf(
  attempt: Failure,
  timeoutMs: number,
  mask: Mask,
  idempotencyKey: string | undefined,
): HsrcpayError {
  switch (attempt.kind) {
    case "aborted":
      return new HsrcpayAbortError({ cause: attempt.error, idempotencyKey });
    case "timeout":
      return new HsrcpayTimeoutError(timeoutMs, undefined, { idempotencyKey });
    case "connection":
      return new HsrcpayConnectionError(
        `Could not reach HSRCPAY: ${mask(describeCause(attempt.error))}`,
        { cause: safeCause(attempt.error, mask), idempotencyKey },
      );
  }
}

/**
 * A connection failure's cause as the caller may print it: each error of the chain (three deep)
 * with its name, message and code, masked. Not the error itself: undici's HTTPParserError keeps
 * the raw bytes it could not parse (`data`), where a hostile answer can echo a card or the token.
 */
function safeCause(error: unknown, mask: Mask, depth = 0): Error {
  const copy = new Error(mask(error instanceof Error ? error.message : String(error)));
  if (!(error instanceof Error)) return copy;
  copy.name = mask(error.name);
  const { code } = error as { code?: unknown };
  if (typeof code === "string" || typeof code === "number") {
    Object.assign(copy, { code: mask(String(code)) });
  }
  if (error.cause !== undefined && depth < 2) copy.cause = safeCause(error.cause, mask, depth + 1);
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
