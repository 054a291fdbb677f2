/** Base class of every error this client throws. */
export class HsrcpayError extends Error {
  override name = "HsrcpayError";
}

/** Options of the errors that leave a write's outcome unknown. */
export interface UncertainOptions extends ErrorOptions {
  idempotencyKey?: string | undefined;
}

/**
 * The request never got a complete answer: DNS, refused or reset connection, a broken body. A
 * write may have taken effect: send it again with `idempotencyKey` to find out without doing it twice.
 */
export class HsrcpayConnectionError extends HsrcpayError {
  override name = "HsrcpayConnectionError";
  /** The write's Idempotency-Key (the same on every attempt); `undefined` for a read. */
  readonly idempotencyKey: string | undefined;
  constructor(message: string, options: UncertainOptions = {}) {
    super(message, options);
    this.idempotencyKey = options.idempotencyKey;
  }
}

/**
 * An attempt took longer than its timeout (which covers reading the body), on every try; or the
 * token function did not return within the timeout, and nothing was sent. A write may have taken
 * effect: send it again with `idempotencyKey` to find out without doing it twice.
 */
export class HsrcpayTimeoutError extends HsrcpayError {
  override name = "HsrcpayTimeoutError";
  /** The write's Idempotency-Key (the same on every attempt); `undefined` for a read. */
  readonly idempotencyKey: string | undefined;
  constructor(
    readonly timeoutMs: number,
    message = `HSRCPAY did not answer within ${timeoutMs} ms`,
    options: UncertainOptions = {},
  ) {
    super(message, options);
    this.idempotencyKey = options.idempotencyKey;
  }
}

/**
 * The caller's AbortSignal fired; nothing is retried after that. Fired after an attempt was sent,
 * a write may have taken effect: `idempotencyKey` finds out without doing it twice.
 */
export class HsrcpayAbortError extends HsrcpayError {
  override name = "HsrcpayAbortError";
  /** The write's Idempotency-Key when an attempt had been sent; otherwise `undefined`. */
  readonly idempotencyKey: string | undefined;
  constructor(options: UncertainOptions = {}) {
    super("The request was aborted by the caller", options);
    this.idempotencyKey = options.idempotencyKey;
  }
}
