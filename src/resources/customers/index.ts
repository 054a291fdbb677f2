// The customers resource (openapi/paths/customers*.yaml), with its addresses: each method names its
// method and path once; the spec says the rest (src/internal/operation.ts).
import type { components } from "../../../generated/schema.js";
import type { Call, Params, ReadOptions, WithMeta } from "../../internal/operation.js";
import type { RequestOptions } from "../../internal/options.js";
import type { PagePromise } from "../../internal/pagination.js";

export type Customer = components["schemas"]["Customer"];
export type CustomerResult = WithMeta<Customer>;
export type ListCustomersParams = Params<"get", "/customers/">;
export type RetrieveCustomerParams = Omit<Params<"get", "/customers/{id}">, "id">;
export type CreateCustomerAddressParams = Omit<Params<"post", "/customers/{id}/addresses/">, "id">;

export interface CustomersResource {
  /**
   * The account's customers, a page at a time: await it for the first page, or iterate it for
   * every customer. `include_payment_methods: true` embeds their saved payment methods.
   */
  list(params?: ListCustomersParams, options?: ReadOptions): PagePromise<Customer>;
  /** One customer, with its addresses (and saved payment methods on request). */
  retrieve(
    id: string,
    params?: RetrieveCustomerParams,
    options?: ReadOptions,
  ): Promise<CustomerResult>;
  readonly addresses: {
    /**
     * Appends an address to the customer; resolves to the whole customer, the new address among
     * its `addresses`. Retries reuse one Idempotency-Key, so it is appended once.
     */
    create(
      id: string,
      params: CreateCustomerAddressParams,
      options?: RequestOptions,
    ): Promise<CustomerResult>;
  };
}

export function customersResource(call: Call): CustomersResource {
  return {
    list: (params = {}, options) => call("get", "/customers/", params, options),
    retrieve: (id, params = {}, options) => call("get", "/customers/{id}", params, options, { id }),
    addresses: {
      create: (id, params, options) =>
        call("post", "/customers/{id}/addresses/", params, options, { id }),
    },
  };
}
