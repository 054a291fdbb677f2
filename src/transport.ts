// One call = up to 1 + maxRetries attempts of `fetch(url, init)`. Each attempt has its own timeout,
// which also covers reading the body; the caller's signal aborts at once, also during a backoff
// wait. Every attempt re-sends the same body string and the same Idempotency-Key.
import {
  HsrcpayAbortError,
  HsrcpayConnectionError,
  HsrcpayTimeoutError,
} from "./errors/hsrcpay-error.js";
import { type Redact, redactorFor } from "./redact.js";
import { type AttemptOutcome, retryDelay, shouldRetry } from "./retry.js";

export interface TransportConfig {
  fetch: typeof fetch;
  /** Resolves the bearer token for one call (checked, browser rule applied). */
  token: () => Promise<string>;
  maxRetries: number;
  timeoutMs: number;
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
}

/** The final answer of a call: a status and its whole body, read within the timeout. */
export interface Received {
  status: number;
  statusText: string;
  headers: Headers;
  text: string;
  /** Scrubs this call's token (and key-shaped secrets) from anything bound for an error. */
  redact: Redact;
}

type Attempt = AttemptOutcome & { response?: Response; text?: string; error?: unknown };

export async function send(
  config: TransportConfig,
  request: OutgoingRequest,
  controls: CallControls,
): Promise<Received> {
  const { signal } = controls;
  if (signal?.aborted) throw new HsrcpayAbortError({ cause: signal.reason });
  const token = await config.token();
  const redact = redactorFor(token);
  const init = {
    method: request.method,
    headers: { ...request.headers, authorization: `Bearer ${token}` },
    body: request.body ?? null,
  };
  const timeoutMs = controls.timeoutMs ?? config.timeoutMs;
  const maxRetries = controls.maxRetries ?? config.maxRetries;

  for (let retry = 0; ; retry++) {
    const attempt = await attemptOnce(config.fetch, request.url, init, timeoutMs, signal);
    if (!shouldRetry(attempt, retry, maxRetries, Date.now())) {
      return settle(attempt, timeoutMs, redact);
    }
    await sleep(retryDelay(attempt, retry, Date.now(), Math.random), signal);
  }
}

async function attemptOnce(
  fetchImpl: typeof fetch,
  url: string,
  init: RequestInit,
  timeoutMs: number,
  signal: AbortSignal | undefined,
): Promise<Attempt> {
  const controller = new AbortController();
  // Rejected on timeout or abort, so that a fetch that ignores its signal cannot hang the call; and
  // rejected (harmlessly) once the attempt is over, so that it never stays pending holding the
  // attempt's promises alive.
  let stopWith: (reason: unknown) => void = () => {};
  const stop = new Promise<never>((_, reject) => {
    stopWith = reject;
  });
  stop.catch(() => {});
  const abort = (reason: unknown) => {
    controller.abort(reason);
    stopWith(reason);
  };
  let timedOut = false;
  const timer = setTimeout(() => {
    timedOut = true;
    abort(new HsrcpayTimeoutError(timeoutMs));
  }, timeoutMs);
  const onAbort = () => abort(signal?.reason);
  signal?.addEventListener("abort", onAbort, { once: true });
  try {
    const response = await Promise.race([
      fetchImpl(url, { ...init, signal: controller.signal }),
      stop,
    ]);
    const text = await Promise.race([response.text(), stop]);
    return {
      kind: "response",
      status: response.status,
      retryAfter: response.headers.get("retry-after"),
      response,
      text,
    };
  } catch (error) {
    if (signal?.aborted) return { kind: "aborted", error };
    if (timedOut) return { kind: "timeout", error };
    return { kind: "connection", error };
  } finally {
    clearTimeout(timer);
    signal?.removeEventListener("abort", onAbort);
    stopWith(undefined);
  }
}

function settle(attempt: Attempt, timeoutMs: number, redact: Redact): Received {
  switch (attempt.kind) {
    case "response": {
      const response = attempt.response as Response;
      return {
        status: response.status,
        statusText: response.statusText,
        headers: response.headers,
        text: attempt.text ?? "",
        redact,
      };
    }
    case "aborted":
      throw new HsrcpayAbortError({ cause: attempt.error });
    case "timeout":
      throw new HsrcpayTimeoutError(timeoutMs);
    case "connection":
      throw new HsrcpayConnectionError(
        `Could not reach HSRCPAY: ${redact(describeCause(attempt.error))}`,
        { cause: attempt.error },
      );
  }
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
    const onAbort = () => {
      clearTimeout(timer);
      reject(new HsrcpayAbortError({ cause: signal?.reason }));
    };
    const timer = setTimeout(() => {
      signal?.removeEventListener("abort", onAbort);
      resolve();
    }, ms);
    signal?.addEventListener("abort", onAbort, { once: true });
  });
}
