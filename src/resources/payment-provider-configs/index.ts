// The payment provider configs resource (openapi/paths/payment-provider-configs*.yaml), with a
// config's fee rows and routing rules: each method names its method and path once, its path
// parameters apart from its params (a fee row: the config's id, then the row's); the spec says the
// rest (src/internal/operation.ts). A config's `credentials` are secret (`x-hsrcpay-secret`).
import type { components } from "../../../generated/schema.js";
import type { Call, Deleted, Params, ReadOptions, WithMeta } from "../../internal/operation.js";
import type { RequestOptions } from "../../internal/options.js";
import type { PagePromise } from "../../internal/pagination.js";

export type PaymentProviderConfig = components["schemas"]["PaymentProviderConfig"];
export type PaymentProviderConfigResult = WithMeta<PaymentProviderConfig>;
export type PaymentProviderConfigFee = components["schemas"]["PaymentProviderConfigFee"];
export type RoutingRule = components["schemas"]["RoutingRule"];
export type ListPaymentProviderConfigsParams = Params<"get", "/payment-provider-configs/">;
export type CreatePaymentProviderConfigParams = Params<"post", "/payment-provider-configs/">;
/** The fee row's fields to change; only those given are sent (assumed writable: see the spec). */
export type UpdatePaymentProviderConfigFeeParams = Omit<
  Params<"patch", "/payment-provider-configs/{id}/fees/{feeId}">,
  "id" | "feeId"
>;
export type CreateRoutingRuleParams = Omit<
  Params<"post", "/payment-provider-configs/{id}/rules">,
  "id"
>;

export interface PaymentProviderConfigsResource {
  /**
   * The account's provider configs (the actor's account when `account_id` is left out), a page at
   * a time: await it for the first page, or iterate it for every config.
   */
  list(
    params?: ListPaymentProviderConfigsParams,
    options?: ReadOptions,
  ): PagePromise<PaymentProviderConfig>;
  /**
   * Adds a config of the catalogue provider `provider_identifier` to the account `account_id`.
   * The `credentials` are masked in every error, log line and `lastResponse`. Retries reuse one
   * Idempotency-Key, so a retried call cannot add it twice.
   * @example
   * await hsrcpay.paymentProviderConfigs.create({
   *   account_id: "acct_123", provider_identifier: "sandbox_card", credentials: { api_key: key },
   * });
   */
  create(
    params: CreatePaymentProviderConfigParams,
    options?: RequestOptions,
  ): Promise<PaymentProviderConfigResult>;
  readonly fees: {
    /** Every fee row of the config, in one list (HSRCPAY does not paginate it). */
    list(id: string, options?: ReadOptions): PagePromise<PaymentProviderConfigFee>;
    /** Changes a fee row of the config `id` (a PATCH: only the fields given) and returns it. */
    update(
      id: string,
      feeId: string,
      params: UpdatePaymentProviderConfigFeeParams,
      options?: RequestOptions,
    ): Promise<WithMeta<PaymentProviderConfigFee>>;
    /**
     * Deletes a fee row of the config `id`: `{ id: feeId, deleted: true }`, as every delete
     * resolves (HSRCPAY answers `data: { deleted: true }`); a 404 on a retry after an attempt whose
     * answer was lost means that attempt deleted it (`lastResponse.status` 404).
     */
    delete(id: string, feeId: string, options?: RequestOptions): Promise<Deleted>;
  };
  readonly routingRules: {
    /** Adds a routing rule to the config; HSRCPAY does not document the keys of `conditions`. */
    create(
      id: string,
      params: CreateRoutingRuleParams,
      options?: RequestOptions,
    ): Promise<WithMeta<RoutingRule>>;
  };
}

export function paymentProviderConfigsResource(call: Call): PaymentProviderConfigsResource {
  return {
    list: (params = {}, options) => call("get", "/payment-provider-configs/", params, options),
    create: (params, options) => call("post", "/payment-provider-configs/", params, options),
    fees: {
      list: (id, options) =>
        call("get", "/payment-provider-configs/{id}/fees", {}, options, { id }),
      update: (id, feeId, params, options) =>
        call("patch", "/payment-provider-configs/{id}/fees/{feeId}", params, options, {
          id,
          feeId,
        }),
      delete: (id, feeId, options) =>
        call("delete", "/payment-provider-configs/{id}/fees/{feeId}", {}, options, {
          id,
          feeId,
        }),
    },
    routingRules: {
      create: (id, params, options) =>
        call("post", "/payment-provider-configs/{id}/rules", params, options, { id }),
    },
  };
}
