// The charges resource (openapi/paths/charges*.yaml): each method names its method and path once;
// the spec says the rest (src/internal/operation.ts).
import type { components } from "../../../generated/schema.js";
import type { Call, Params, ReadOptions, WithMeta } from "../../internal/operation.js";
import type { PagePromise } from "../../internal/pagination.js";

export type Charge = components["schemas"]["Charge"];
export type ChargeResult = WithMeta<Charge>;
export type ListChargesParams = Params<"get", "/charges/">;

export interface ChargesResource {
  /**
   * The account's charges (the provider attempts behind its payments), a page at a time: await it
   * for the first page, or iterate it for every charge. `account_id` defaults to the actor's.
   * @example
   * for await (const charge of hsrcpay.charges.list({ limit: 50 })) console.log(charge.status);
   */
  list(params?: ListChargesParams, options?: ReadOptions): PagePromise<Charge>;
  /** One charge, with its amounts (integers in minor units) and provider linkage. */
  retrieve(id: string, options?: ReadOptions): Promise<ChargeResult>;
}

export function chargesResource(call: Call): ChargesResource {
  return {
    list: (params = {}, options) => call("get", "/charges/", params, options),
    retrieve: (id, options) => call("get", "/charges/{id}", {}, options, { id }),
  };
}
