// The notifications resource (openapi/paths/notifications*.yaml): each method names its method and
// path once; the spec says the rest (src/internal/operation.ts).
import type { components } from "../../../generated/schema.js";
import type { Call, Params, ReadOptions, WithMeta } from "../../internal/operation.js";
import type { RequestOptions } from "../../internal/options.js";
import type { PagePromise } from "../../internal/pagination.js";

export type Notification = components["schemas"]["Notification"];
export type NotificationResult = WithMeta<Notification>;
export type ListNotificationsParams = Params<"get", "/notifications/account">;

export interface NotificationsResource {
  /**
   * The account's notifications (`account_id`, or the credential's default account). Not
   * paginated: the one page holds them all.
   */
  list(params?: ListNotificationsParams, options?: ReadOptions): PagePromise<Notification>;
  /**
   * Archives the notification (sets `archived_at`) and resolves to it as updated. Retries reuse
   * one Idempotency-Key.
   */
  archive(id: string, options?: RequestOptions): Promise<NotificationResult>;
  /**
   * Unarchives the notification (clears `archived_at`) and resolves to it as updated. Retries
   * reuse one Idempotency-Key.
   */
  unarchive(id: string, options?: RequestOptions): Promise<NotificationResult>;
}

export function notificationsResource(call: Call): NotificationsResource {
  return {
    list: (params, options) => call("get", "/notifications/account", params ?? {}, options),
    archive: (id, options) => call("post", "/notifications/{id}/archive", {}, options, { id }),
    unarchive: (id, options) => call("post", "/notifications/{id}/unarchive", {}, options, { id }),
  };
}
