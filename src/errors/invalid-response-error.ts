import { HsrcpayError } from "./hsrcpay-error.js";

export interface InvalidResponseInit {
  message: string;
  status: number;
  contentType: string | null;
  /** The body's size in bytes (decoded, up to the cap). */
  bodyBytes: number;
  headers: Headers;
  requestId: string | undefined;
  idempotencyKey: string | undefined;
}

/**
 * A success status whose body is not HSRCPAY's success envelope: HTML from a proxy, truncated
 * JSON, an empty body, `success: false`, or no `data`. The key may or may not have been created:
 * retry with the same `idempotencyKey` to find out.
 */
export class HsrcpayInvalidResponseError extends HsrcpayError {
  override name = "HsrcpayInvalidResponseError";
  readonly status: number;
  /** The content type the body arrived with, masked: the body itself is not kept. */
  readonly contentType: string | null;
  /** The body's size in bytes; its masked start shows in `debug` log lines only. */
  readonly bodyBytes: number;
  /** The allow-listed headers only: content type, request id, Retry-After, rate limits. */
  readonly headers: Headers;
  readonly requestId: string | undefined;
  readonly idempotencyKey: string | undefined;

  constructor(init: InvalidResponseInit) {
    super(init.message);
    this.status = init.status;
    this.contentType = init.contentType;
    this.bodyBytes = init.bodyBytes;
    this.headers = init.headers;
    this.requestId = init.requestId;
    this.idempotencyKey = init.idempotencyKey;
  }
}
