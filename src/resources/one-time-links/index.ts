// The one-time-links resource (openapi/paths/one-time-links_{token}.yaml): its one method consumes a
// link, whose answer is a page, a text or a redirect, not an envelope (src/internal/operation.ts,
// `Consumed`).
import type { Call, Consumed, ReadOptions } from "../../internal/operation.js";

/** What consuming a one-time link resolves to: the content it showed, or its redirect. */
export type ConsumedLink = Consumed;
/** A consume's options: no `maxRetries`, since a link works once and the call is never retried. */
export type ConsumeOptions = Omit<ReadOptions, "maxRetries">;

export interface OneTimeLinksResource {
  /**
   * Consumes the link: a GET with a side effect, sent once. Resolves to `{ kind: "content",
   * contentType, text }` for what it shows (HTML or text, as it came, up to the client's
   * `maxResponseBytes`), or `{ kind: "redirect", status, location }` for a 3xx, which is never
   * followed (`location` is its origin only). Never retried, whatever the client's `maxRetries`:
   * after a timeout or a lost connection the link may have been consumed, and only a new link
   * helps. Failures are the typed errors of every call. The token is a credential: masked in
   * every error, log line and `lastResponse`.
   * @example
   * const consumed = await hsrcpay.oneTimeLinks.consume(linkToken);
   * if (consumed.kind === "redirect") console.log(consumed.location);
   */
  consume(token: string, options?: ConsumeOptions): Promise<ConsumedLink>;
}

export function oneTimeLinksResource(call: Call): OneTimeLinksResource {
  return {
    consume: (token, options) => call("get", "/one-time-links/{token}", {}, options, { token }),
  };
}
