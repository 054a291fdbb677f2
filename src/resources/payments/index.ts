// The payments resource (openapi/paths/payments*.yaml): each method names its method and path once;
// the spec says the rest (src/internal/operation.ts), including that create's answer may hold the
// payment itself or `{ payment }` (the client hands back the payment either way).
import type { components } from "../../../generated/schema.js";
import type { Call, Params, ReadOptions, WithMeta } from "../../internal/operation.js";
import type { RequestOptions } from "../../internal/options.js";
import type { PagePromise } from "../../internal/pagination.js";

export type Payment = components["schemas"]["Payment"];
export type PaymentResult = WithMeta<Payment>;
export type ConfirmResult = components["schemas"]["ConfirmResult"];
export type PaymentNextAction = components["schemas"]["PaymentNextAction"];
/** What a confirm resolves to: the payment as the confirm left it, and the attempt's outcome. */
export type ConfirmedPayment = WithMeta<{ payment: Payment; confirmResult: ConfirmResult }>;
export type CreatePaymentParams = Params<"post", "/payments/">;
export type ListPaymentsParams = Params<"get", "/payments/">;
export type RetrievePaymentParams = Omit<Params<"get", "/payments/{id}">, "id">;
export type ConfirmPaymentParams = Omit<Params<"post", "/payments/{id}/confirm">, "id">;

export interface PaymentsResource {
  /**
   * Creates a payment intent: `amount` in minor units (a whole number) and a three-letter
   * `currency`. No money moves until it is confirmed. Retries reuse one Idempotency-Key.
   * @example
   * const payment = await hsrcpay.payments.create({ amount: 12500, currency: "USD" });
   */
  create(params: CreatePaymentParams, options?: RequestOptions): Promise<PaymentResult>;
  /**
   * The account's payments, a page at a time: await it for the first page, or iterate it for
   * every payment. The `include_*` flags embed charges, routing plans, events or the customer.
   */
  list(params?: ListPaymentsParams, options?: ReadOptions): PagePromise<Payment>;
  /** One payment; read it again after a 3-D Secure redirect, since a redirect proves nothing. */
  retrieve(
    id: string,
    params?: RetrievePaymentParams,
    options?: ReadOptions,
  ): Promise<PaymentResult>;
  /**
   * Starts the provider attempt with a saved payment method (`{ id }`) or new card data (`{ data:
   * { pan, month, year, cvv } }`), which goes in this request's body and is masked everywhere
   * else. Every attempt of one confirm carries the same Idempotency-Key. When
   * `confirmResult.paymentNextAction` is set (3-D Secure), send the payer to its `url`.
   */
  confirm(
    id: string,
    params: ConfirmPaymentParams,
    options?: RequestOptions,
  ): Promise<ConfirmedPayment>;
}

export function paymentsResource(call: Call): PaymentsResource {
  return {
    create: (params, options) => call("post", "/payments/", params, options),
    list: (params = {}, options) => call("get", "/payments/", params, options),
    retrieve: (id, params = {}, options) => call("get", "/payments/{id}", params, options, { id }),
    confirm: (id, params, options) =>
      call("post", "/payments/{id}/confirm", params, options, { id }),
  };
}
