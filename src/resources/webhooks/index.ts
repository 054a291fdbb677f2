// The webhooks resource (openapi/paths/webhooks.yaml): each method names its method and path once;
// the spec says the rest (src/internal/operation.ts).
import type { components } from "../../../generated/schema.js";
import type { Call, Params, ReadOptions, WithMeta } from "../../internal/operation.js";
import type { RequestOptions } from "../../internal/options.js";
import type { PagePromise } from "../../internal/pagination.js";

export type Webhook = components["schemas"]["Webhook"];
export type WebhookResult = WithMeta<Webhook>;
export type ListWebhooksParams = Params<"get", "/webhooks/">;
export type CreateWebhookParams = Params<"post", "/webhooks/">;

export interface WebhooksResource {
  /**
   * Every webhook endpoint of the account (the actor's when `account_id` is left out), in one list.
   * Each carries its signing `secret`, which the client masks everywhere but in this data.
   */
  list(params?: ListWebhooksParams, options?: ReadOptions): PagePromise<Webhook>;
  /**
   * Registers an endpoint for the events given; the result carries its signing `secret`. Retries
   * reuse one Idempotency-Key, so a retried call cannot register it twice.
   * @example
   * const webhook = await hsrcpay.webhooks.create({
   *   endpoint: "https://shop.example/hooks", enabled_events: ["payment.succeeded"],
   * });
   */
  create(params: CreateWebhookParams, options?: RequestOptions): Promise<WebhookResult>;
}

export function webhooksResource(call: Call): WebhooksResource {
  return {
    list: (params = {}, options) => call("get", "/webhooks/", params, options),
    create: (params, options) => call("post", "/webhooks/", params, options),
  };
}
