// The API keys resource (openapi/paths/api-keys*.yaml): each method names its method and path once;
// the spec says the rest (src/internal/operation.ts).
import type { components } from "../../../generated/schema.js";
import type { Call, Deleted, Params, ReadOptions, WithMeta } from "../../internal/operation.js";
import type { RequestOptions } from "../../internal/options.js";
import type { PagePromise } from "../../internal/pagination.js";

export type ApiKey = components["schemas"]["ApiKey"];
/** A key, with what the response said about it on the non-enumerable `lastResponse`. */
export type ApiKeyResult = WithMeta<ApiKey>;
/** What a delete resolves to; `lastResponse.status` is 404 when the key was already gone. */
export type DeletedApiKey = Deleted;
/** The query parameter and the body fields of Create API key, in one object (wire names). */
export type CreateApiKeyParams = Params<"post", "/api-keys/">;
export type ListApiKeysParams = Params<"get", "/api-keys/">;

export interface ApiKeysResource {
  /**
   * Creates a secret key for `account_id`. The plaintext `key` is in this result only: store it in
   * a secret manager. Every attempt carries the same Idempotency-Key, so a retried call can never
   * mint two keys. Throws an `HsrcpayError` subclass for every failure.
   * @example
   * const apiKey = await hsrcpay.apiKeys.create({
   *   account_id: "acct_123", name: "CI deploy", permissions: { payments: ["read"] },
   * });
   */
  create(params: CreateApiKeyParams, options?: RequestOptions): Promise<ApiKeyResult>;
  /**
   * Lists the account's keys. Await it for the first page (`data`, `total`, `page`, `limit`,
   * `pages`, `hasNextPage()`, `getNextPage()`), or iterate it for every key of every page.
   * A listed key's `key` is not the secret (HSRCPAY does not say what it holds there).
   * @example
   * for await (const key of hsrcpay.apiKeys.list({ account_id: "acct_123" })) console.log(key.id);
   */
  list(params: ListApiKeysParams, options?: ReadOptions): PagePromise<ApiKey>;
  /**
   * Deletes a key (a soft delete: it stops working at once). Resolves to `{ id, deleted: true }` on
   * any 2xx that is not a failure envelope (the void envelope, `204 No Content`, the deleted key);
   * also when a retry after a lost answer finds the key already gone (404), since the first
   * attempt deleted it: `lastResponse.status` is then 404.
   */
  delete(id: string, options?: RequestOptions): Promise<DeletedApiKey>;
  /**
   * Rotates the secret of a managed key; the result carries the new plaintext `key`, once. A
   * custom key gets `UnprocessableEntityError`: rotate it by creating a new key and deleting it.
   */
  regenerate(id: string, options?: RequestOptions): Promise<ApiKeyResult>;
}

export function apiKeysResource(call: Call): ApiKeysResource {
  return {
    create: (params, options) => call("post", "/api-keys/", params, options),
    list: (params, options) => call("get", "/api-keys/", params, options),
    delete: (id, options) => call("delete", "/api-keys/{id}", {}, options, { id }),
    regenerate: (id, options) => call("post", "/api-keys/{id}/regenerate", {}, options, { id }),
  };
}
