// The payment providers resource (openapi/paths/payment-providers_{id}.yaml), HSRCPAY's catalogue:
// each method names its method and path once; the spec says the rest (src/internal/operation.ts).
import type { components } from "../../../generated/schema.js";
import type { Call, Params, ReadOptions, WithMeta } from "../../internal/operation.js";
import type { RequestOptions } from "../../internal/options.js";

export type PaymentProvider = components["schemas"]["PaymentProvider"];
export type PaymentProviderResult = WithMeta<PaymentProvider>;
/** The fields to change; only those given are sent. */
export type UpdatePaymentProviderParams = Omit<Params<"put", "/payment-providers/{id}">, "id">;

export interface PaymentProvidersResource {
  /** One provider of the catalogue, with the methods it supports. */
  retrieve(id: string, options?: ReadOptions): Promise<PaymentProviderResult>;
  /**
   * Changes a catalogue provider and returns it. System actor only (HSRCPAY): a merchant's key is
   * a `PermissionDeniedError`. Retries reuse one Idempotency-Key.
   */
  update(
    id: string,
    params: UpdatePaymentProviderParams,
    options?: RequestOptions,
  ): Promise<PaymentProviderResult>;
}

export function paymentProvidersResource(call: Call): PaymentProvidersResource {
  return {
    retrieve: (id, options) => call("get", "/payment-providers/{id}", {}, options, { id }),
    update: (id, params, options) =>
      call("put", "/payment-providers/{id}", params, options, { id }),
  };
}
