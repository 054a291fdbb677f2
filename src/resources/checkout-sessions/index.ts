// The checkout-sessions resource (openapi/paths/checkout-sessions*.yaml): each method names its
// method and path once; the spec says the rest (src/internal/operation.ts), including that the
// confirm's path token is a secret (its parameter and CheckoutSession's `token` are x-hsrcpay-secret).
import type { components } from "../../../generated/schema.js";
import type { Call, Params, ReadOptions, WithMeta } from "../../internal/operation.js";
import type { RequestOptions } from "../../internal/options.js";
import type { PagePromise } from "../../internal/pagination.js";

export type CheckoutSession = components["schemas"]["CheckoutSession"];
export type CheckoutSessionResult = WithMeta<CheckoutSession>;
export type ListCheckoutSessionsParams = Params<"get", "/checkout-sessions/">;
export type SearchCheckoutSessionsParams = Params<"get", "/checkout-sessions/search">;
export type CreateCheckoutSessionParams = Params<"post", "/checkout-sessions/">;
export type ConfirmCheckoutSessionParams = Omit<
  Params<"post", "/checkout-sessions/token/{token}/confirm">,
  "token"
>;

export interface CheckoutSessionsResource {
  /**
   * The account's checkout sessions (the actor's when `account_id` is left out), a page at a time:
   * await it for the first page, or iterate it for every session.
   */
  list(params?: ListCheckoutSessionsParams, options?: ReadOptions): PagePromise<CheckoutSession>;
  /**
   * The account's sessions that match `q` (what it matches is not documented), in one list: no
   * pagination is documented, so it resolves to one page holding all of it.
   */
  search(params: SearchCheckoutSessionsParams, options?: ReadOptions): PagePromise<CheckoutSession>;
  /**
   * Opens a hosted checkout session, `PENDING`, with the `token` its confirm takes (assumed: HSRCPAY
   * documents no page for this call). The token is a credential: give it to the payer's checkout,
   * never to a log. Retries reuse one Idempotency-Key, so a retry opens one session.
   * @example
   * const session = await hsrcpay.checkoutSessions.create({ currency: "USD", fixed_amount: "125.00" });
   */
  create(
    params: CreateCheckoutSessionParams,
    options?: RequestOptions,
  ): Promise<CheckoutSessionResult>;
  /**
   * Pays the session with a card (`{ payment_method: { data: { pan, month, year, cvv } } }`): the
   * `token` (from create) and the card go in this request only, and are masked in every error, log
   * line and `lastResponse`. Every attempt carries one Idempotency-Key. The answer is not proof of
   * payment: the `checkout_session.completed` webhook and a fresh read are.
   */
  confirm(
    token: string,
    params: ConfirmCheckoutSessionParams,
    options?: RequestOptions,
  ): Promise<CheckoutSessionResult>;
}

export function checkoutSessionsResource(call: Call): CheckoutSessionsResource {
  return {
    list: (params = {}, options) => call("get", "/checkout-sessions/", params, options),
    search: (params, options) => call("get", "/checkout-sessions/search", params, options),
    create: (params, options) => call("post", "/checkout-sessions/", params, options),
    confirm: (token, params, options) =>
      call("post", "/checkout-sessions/token/{token}/confirm", params, options, { token }),
  };
}
