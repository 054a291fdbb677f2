/** Base class of every error this client throws. */
export class HsrcpayError extends Error {
  override name = "HsrcpayError";
}

/** The request never got a complete answer: DNS, refused or reset connection, a broken body. */
export class HsrcpayConnectionError extends HsrcpayError {
  override name = "HsrcpayConnectionError";
}

/**
 * An attempt took longer than its timeout (which covers reading the body), on every try; or the
 * token function did not return within the timeout, and nothing was sent.
 */
export class HsrcpayTimeoutError extends HsrcpayError {
  override name = "HsrcpayTimeoutError";
  constructor(
    readonly timeoutMs: number,
    message = `HSRCPAY did not answer within ${timeoutMs} ms`,
  ) {
    super(message);
  }
}

/** The caller's AbortSignal fired; nothing is retried after that. */
export class HsrcpayAbortError extends HsrcpayError {
  override name = "HsrcpayAbortError";
  constructor(options?: ErrorOptions) {
    super("The request was aborted by the caller", options);
  }
}
