// The payments resource (openapi/paths/payments*.yaml): each method names its method and path once;
// the spec says the rest (src/internal/operation.ts), including that create's answer may hold the
// payment itself or `{ payment }` (the client hands back the payment either way).
import type { components } from "../../../generated/schema.js";
import type {
  Call,
  Embedded,
  NoParams,
  Params,
  ReadOptions,
  WithMeta,
} from "../../internal/operation.js";
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
/**
 * A payment as a list or retrieve with these params answers it: `charges`, `routing_plans`,
 * `events` and `customer` are there when their `include_*` flag is `true`, and not otherwise.
 */
export type PaymentWith<Given> = Embedded<Payment, RetrievePaymentParams, Given>;
/** A decline's or error's code, as HSRCPAY's declines guide lists them (`invalid_payment_method`). */
export type DeclineCode = NonNullable<ConfirmResult["latestResult"]["errCode"]>;
/**
 * What the guide says to do about a decline: `hard`, not retry with the same payment method (ask
 * for another); `soft`, a transient condition (check the status, fall back, try later); `unknown`,
 * proceed carefully with the same idempotency key and a status query.
 */
export type DeclineKind = "hard" | "soft" | "unknown";

// HSRCPAY's testing-declines guide, code by code. Keyed by the spec's codes: a code added to the
// spec without its kind here fails to compile.
const declineKinds: Readonly<Record<DeclineCode, DeclineKind>> = {
  invalid_payment_method: "hard",
  invalid_currency: "hard",
  invalid_credentials: "hard",
  invalid_api_key: "hard",
  system_proxy_timeout: "soft",
  system_network_other: "soft",
  system_network_econnreset: "soft",
  system_no_provider_strategy_available_for_routing_plan: "hard",
  system_unknown: "unknown",
};

/**
 * The kind of a confirm's decline or error, by its `errCode`: `unknown` for a code the guide does
 * not list, and for none.
 * @example
 * const { confirmResult } = await hsrcpay.payments.confirm(id, params);
 * if (confirmResult.latestResult.kind === "error" && declineKind(confirmResult) === "hard") askForAnotherCard();
 */
export function declineKind(
  result: { readonly latestResult: { readonly errCode?: string | undefined } } | undefined,
): DeclineKind {
  const code = result?.latestResult.errCode;
  return code !== undefined && Object.hasOwn(declineKinds, code)
    ? declineKinds[code as DeclineCode]
    : "unknown";
}

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
  list<const Given extends ListPaymentsParams = NoParams>(
    params?: Given,
    options?: ReadOptions,
  ): PagePromise<PaymentWith<Given>>;
  /** One payment; read it again after a 3-D Secure redirect, since a redirect proves nothing. */
  retrieve<const Given extends RetrievePaymentParams = NoParams>(
    id: string,
    params?: Given,
    options?: ReadOptions,
  ): Promise<WithMeta<PaymentWith<Given>>>;
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
    // The include_* flags choose what the answer embeds: the types follow them (Embedded).
    list: (params, options) => call("get", "/payments/", params ?? {}, options) as never,
    retrieve: (id, params, options) =>
      call("get", "/payments/{id}", params ?? {}, options, { id }) as never,
    confirm: (id, params, options) =>
      call("post", "/payments/{id}/confirm", params, options, { id }),
  };
}
