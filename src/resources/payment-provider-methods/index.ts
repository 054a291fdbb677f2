// The payment provider methods resource (openapi/paths/payment-provider-methods_{id}.yaml): a
// top-level path with its own id, so a resource of its own (as account memberships are), not
// nested under payment providers. Each method names its method and path once.
import type { components } from "../../../generated/schema.js";
import type { Call, Params, ReadOptions, WithMeta } from "../../internal/operation.js";

export type PaymentProviderMethod = components["schemas"]["PaymentProviderMethod"];
export type PaymentProviderMethodResult = WithMeta<PaymentProviderMethod>;
export type RetrievePaymentProviderMethodParams = Omit<
  Params<"get", "/payment-provider-methods/{id}">,
  "id"
>;

export interface PaymentProviderMethodsResource {
  /**
   * One method a provider supports (a card network and type, a wallet…), with how each kind of
   * transaction is run for it; `sandbox_mode: true` reads the sandbox catalogue's (assumed).
   */
  retrieve(
    id: string,
    params?: RetrievePaymentProviderMethodParams,
    options?: ReadOptions,
  ): Promise<PaymentProviderMethodResult>;
}

export function paymentProviderMethodsResource(call: Call): PaymentProviderMethodsResource {
  return {
    retrieve: (id, params, options) =>
      call("get", "/payment-provider-methods/{id}", params ?? {}, options, { id }),
  };
}
