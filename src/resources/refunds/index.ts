// The refunds resource (openapi/paths/refunds.yaml): each method names its method and path once;
// the spec says the rest (src/internal/operation.ts).
import type { components } from "../../../generated/schema.js";
import type { Call, Params, ReadOptions } from "../../internal/operation.js";
import type { PagePromise } from "../../internal/pagination.js";

export type Refund = components["schemas"]["Refund"];
export type ListRefundsParams = Params<"get", "/refunds/">;

export interface RefundsResource {
  /**
   * Every refund of one charge, in one list (HSRCPAY does not paginate it): await it or iterate it.
   * @example
   * const { data } = await hsrcpay.refunds.list({ charge_id: "ch_123" });
   */
  list(params: ListRefundsParams, options?: ReadOptions): PagePromise<Refund>;
}

export function refundsResource(call: Call): RefundsResource {
  return { list: (params, options) => call("get", "/refunds/", params, options) };
}
