import { HsrcpayInvalidResponseError, type InvalidResponseInit } from "./invalid-response-error.js";

/**
 * A success status whose body went on past `maxResponseBytes` (counted after decompression). The
 * read stopped at the cap; nothing past it was kept. As with any invalid response, the key may or
 * may not have been created: retry with the same `idempotencyKey` to find out.
 */
export class HsrcpayResponseTooLargeError extends HsrcpayInvalidResponseError {
  override name = "HsrcpayResponseTooLargeError";
  /** The cap in bytes (the client's `maxResponseBytes`). */
  readonly limit: number;
  constructor(init: InvalidResponseInit & { limit: number }) {
    super(init);
    this.limit = init.limit;
  }
}
