import { HsrcpayError } from "./hsrcpay-error.js";

export interface InvalidResponseInit {
  message: string;
  status: number;
  contentType: string | null;
  /** The first bytes of the body, secrets redacted. */
  bodyStart: string;
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
  readonly contentType: string | null;
  readonly bodyStart: string;
  readonly headers: Headers;
  readonly requestId: string | undefined;
  readonly idempotencyKey: string | undefined;

  constructor(init: InvalidResponseInit) {
    super(init.message);
    this.status = init.status;
    this.contentType = init.contentType;
    this.bodyStart = init.bodyStart;
    this.headers = init.headers;
    this.requestId = init.requestId;
    this.idempotencyKey = init.idempotencyKey;
  }
}
