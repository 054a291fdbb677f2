// The routing-plans resource (openapi/paths/routing-plans*.yaml): each method names its method and
// path once; the spec says the rest (src/internal/operation.ts), including that the list may come
// whole, without its pagination numbers (then it is one page holding every plan).
import type { components } from "../../../generated/schema.js";
import type {
  Call,
  Embedded,
  NoParams,
  Params,
  ReadOptions,
  WithMeta,
} from "../../internal/operation.js";
import type { PagePromise } from "../../internal/pagination.js";

export type RoutingPlan = components["schemas"]["RoutingPlan"];
export type ListRoutingPlansParams = Params<"get", "/routing-plans/">;
export type RetrieveRoutingPlanParams = Omit<Params<"get", "/routing-plans/{id}">, "id">;
/**
 * A routing plan as a list or retrieve with these params answers it: `attempts`, `charges` and
 * `payment` are there when their `include_*` flag is `true`, and not otherwise.
 */
export type RoutingPlanWith<Given> = Embedded<RoutingPlan, RetrieveRoutingPlanParams, Given>;

export interface RoutingPlansResource {
  /**
   * The account's routing plans: await it for the first page, or iterate it for every plan. When
   * HSRCPAY answers without the pagination numbers (the list may ignore pagination), the answer
   * is the whole list: one page holding every plan, and no second page is asked for.
   * @example
   * for await (const plan of hsrcpay.routingPlans.list({ include_charges: true })) console.log(plan.charges.length);
   */
  list<const Given extends ListRoutingPlansParams = NoParams>(
    params?: Given,
    options?: ReadOptions,
  ): PagePromise<RoutingPlanWith<Given>>;
  /**
   * One routing plan: its candidates in order and the current one; `include_attempts`,
   * `include_charges` and `include_payment` embed its attempts, charges and payment.
   */
  retrieve<const Given extends RetrieveRoutingPlanParams = NoParams>(
    id: string,
    params?: Given,
    options?: ReadOptions,
  ): Promise<WithMeta<RoutingPlanWith<Given>>>;
}

export function routingPlansResource(call: Call): RoutingPlansResource {
  return {
    // The include_* flags choose what the answer embeds: the types follow them (Embedded).
    list: (params, options) => call("get", "/routing-plans/", params ?? {}, options) as never,
    retrieve: (id, params, options) =>
      call("get", "/routing-plans/{id}", params ?? {}, options, { id }) as never,
  };
}
