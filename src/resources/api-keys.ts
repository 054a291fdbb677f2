// The API keys resource (openapi/paths/api-keys*.yaml): four methods of a few lines each over the
// typed openapi-fetch client, which checks paths, params and bodies against the spec at compile time.
import type { components } from "../../generated/schema.js";
import {
  invalidResponse,
  isObject,
  metaOf,
  type ResponseMeta,
  readData,
  readDeleted,
} from "../envelope.js";
import { checkRequestOptions, type RequestOptions } from "../options.js";
import { type PageContent, type PagePromise, pagePromise } from "../pagination.js";
import { type Api, answerTo, type Through } from "../typed-api.js";
import { type CreateApiKeyParams, prepareCreate } from "./create-api-key-params.js";
import { type ListApiKeysParams, prepareList } from "./list-api-keys-params.js";
import { checkId } from "./params.js";

export type ApiKey = components["schemas"]["ApiKey"];

/** A key, with what the response said about it on the non-enumerable `lastResponse`. */
export type ApiKeyResult = ApiKey & { readonly lastResponse: ResponseMeta };

/** What a delete resolves to; `lastResponse.status` is 404 when the key was already gone. */
export interface DeletedApiKey {
  readonly id: string;
  readonly deleted: true;
  readonly lastResponse: ResponseMeta;
}

/** Per-call options of a read: no Idempotency-Key, a GET is idempotent by itself. */
export type ReadOptions = Omit<RequestOptions, "idempotencyKey">;

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

function isApiKey(data: unknown): data is ApiKey {
  return isObject(data) && typeof data.id === "string" && typeof data.key === "string";
}

const isApiKeyList = (data: unknown): data is ApiKey[] =>
  Array.isArray(data) && data.every(isApiKey);

function withMeta<T extends object>(
  data: T,
  meta: ResponseMeta,
): T & { lastResponse: ResponseMeta } {
  return Object.defineProperty(data, "lastResponse", { value: meta, enumerable: false }) as T & {
    lastResponse: ResponseMeta;
  };
}

/** The data of a success, or the typed error; the body is read once, by the client. */
function unwrap<T>(response: Response, isData: (data: unknown) => data is T) {
  const { received, request } = answerTo(response);
  return readData(received, request, isData);
}

export function apiKeysResource(api: Api, through: Through): ApiKeysResource {
  /** How a resource method calls openapi-fetch: it reads the answer itself, through the transport. */
  const via = (call: ReturnType<typeof checkRequestOptions>, schemaPath: string) => ({
    headers: call.headers,
    parseAs: "stream" as const,
    fetch: through({ ...call.settings, readByClient: true, schemaPath }),
  });
  return {
    async create(params, options = {}) {
      const call = checkRequestOptions(options);
      const { query, body, json } = prepareCreate(params);
      const { response } = await api.POST("/api-keys/", {
        params: { query },
        body,
        bodySerializer: () => json,
        ...via(call, "/api-keys/"),
      });
      const { data, meta } = unwrap(response, isApiKey);
      return withMeta(data, meta);
    },

    list(params, options = {}) {
      let call: ReturnType<typeof checkRequestOptions>;
      let prepared: ReturnType<typeof prepareList>;
      try {
        call = checkRequestOptions(options);
        prepared = prepareList(params);
      } catch (error) {
        // Refused params reject like every other method's, when the list is awaited or iterated.
        return pagePromise<ApiKey>(() => Promise.reject(error), 1, undefined);
      }
      const { page: first, ...query } = prepared;
      const fetchPage = async (page: number): Promise<PageContent<ApiKey>> => {
        const { response } = await api.GET("/api-keys/", {
          params: { query: { ...query, page } },
          ...via(call, "/api-keys/"),
        });
        const { received, request } = answerTo(response);
        const { data, meta, envelope } = readData(received, request, isApiKeyList);
        const { total, limit, pages } = envelope;
        if (![total, limit, pages].every((n) => Number.isInteger(n) && (n as number) >= 0)) {
          throw invalidResponse(
            received,
            request,
            "a list envelope without its pagination numbers",
          );
        }
        return { data, total, limit, pages, meta } as PageContent<ApiKey>;
      };
      return pagePromise(fetchPage, first, call.settings.signal);
    },

    async delete(id, options = {}) {
      const call = checkRequestOptions(options);
      const { response } = await api.DELETE("/api-keys/{id}", {
        params: { path: { id: checkId(id) } },
        ...via(call, "/api-keys/{id}"),
      });
      const { received, request } = answerTo(response);
      // A 404 after an attempt whose answer was lost: that attempt deleted the key.
      if (received.status === 404 && received.uncertain) {
        return withMeta({ id, deleted: true as const }, metaOf(received, request));
      }
      return withMeta({ id, deleted: true as const }, readDeleted(received, request));
    },

    async regenerate(id, options = {}) {
      const call = checkRequestOptions(options);
      const { response } = await api.POST("/api-keys/{id}/regenerate", {
        params: { path: { id: checkId(id) } },
        ...via(call, "/api-keys/{id}/regenerate"),
      });
      const { data, meta } = unwrap(response, isApiKey);
      return withMeta(data, meta);
    },
  };
}
