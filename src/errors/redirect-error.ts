import { type ApiErrorInit, HsrcpayApiError } from "./api-error.js";

/**
 * HSRCPAY (or something on the path to it) answered with a redirect. The client never follows one:
 * a followed 307 would re-send the body and Idempotency-Key to another origin, and a 303 would turn a
 * create into a GET whose answer could pass for the created key. Not retried.
 */
export class HsrcpayRedirectError extends HsrcpayApiError {
  override name = "HsrcpayRedirectError";
  /**
   * Where it pointed, as its origin only (masked): its path and query are the server's to fill.
   * `undefined` without a Location, or where the runtime hides it: a browser exposes a
   * redirect only as an opaque response, with `status` 0.
   */
  readonly location: string | undefined;
  constructor(init: ApiErrorInit & { location: string | undefined }) {
    super(init);
    this.location = init.location;
  }
}
