// The customers resource (openapi/paths/customers*.yaml), with its addresses: each method names its
// method and path once; the spec says the rest (src/internal/operation.ts).
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

export type Customer = components["schemas"]["Customer"];
export type CustomerResult = WithMeta<Customer>;
export type ListCustomersParams = Params<"get", "/customers/">;
export type RetrieveCustomerParams = Omit<Params<"get", "/customers/{id}">, "id">;
/** A customer as a list or retrieve with these params answers it: `payment_methods` with its flag. */
export type CustomerWith<Given> = Embedded<Customer, RetrieveCustomerParams, Given>;
export type CreateCustomerAddressParams = Omit<Params<"post", "/customers/{id}/addresses/">, "id">;

export interface CustomersResource {
  /**
   * The account's customers, a page at a time: await it for the first page, or iterate it for
   * every customer. `include_payment_methods: true` embeds their saved payment methods.
   */
  list<const Given extends ListCustomersParams = NoParams>(
    params?: Given,
    options?: ReadOptions,
  ): PagePromise<CustomerWith<Given>>;
  /** One customer, with its addresses (and saved payment methods on request). */
  retrieve<const Given extends RetrieveCustomerParams = NoParams>(
    id: string,
    params?: Given,
    options?: ReadOptions,
  ): Promise<WithMeta<CustomerWith<Given>>>;
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
    // The include_* flags choose what the answer embeds: the types follow them (Embedded).
    list: (params, options) => call("get", "/customers/", params ?? {}, options) as never,
    retrieve: (id, params, options) =>
      call("get", "/customers/{id}", params ?? {}, options, { id }) as never,
    addresses: {
      create: (id, params, options) =>
        call("post", "/customers/{id}/addresses/", params, options, { id }),
    },
  };
}
