// The API keys resource: `apiKeys.create` for POST /api-keys/ (openapi/paths/api-keys.yaml).
import type { components } from "../../generated/schema.js";
import { isObject, type ResponseMeta, readData } from "../envelope.js";
import { type CallControls, send, type TransportConfig } from "../transport.js";
import { type CreateApiKeyParams, prepareCreate } from "./create-api-key-params.js";
import { checkRequestOptions, type RequestOptions } from "./request-options.js";

export type ApiKey = components["schemas"]["ApiKey"];

/** The created key, with what the response said about it on the non-enumerable `lastResponse`. */
export type ApiKeyResult = ApiKey & { readonly lastResponse: ResponseMeta };

export interface ApiKeysResource {
  /**
   * Creates a secret key for `account_id`. The plaintext `key` is in this result only: store it in
   * a secret manager. Every attempt carries the same Idempotency-Key, so a retried call can never
   * mint two keys. Throws an `HsrcpayError` subclass for every failure.
   *
   * @example
   * const apiKey = await hsrcpay.apiKeys.create({
   *   account_id: "acct_123", name: "CI deploy", permissions: { payments: ["read"] },
   * });
   * apiKey.lastResponse.status; // 200 or 201
   */
  create(params: CreateApiKeyParams, options?: RequestOptions): Promise<ApiKeyResult>;
}

function isApiKey(data: unknown): data is ApiKey {
  return isObject(data) && typeof data.id === "string" && typeof data.key === "string";
}

export function apiKeysResource(config: TransportConfig, baseUrl: string): ApiKeysResource {
  const path = `${new URL(baseUrl).pathname.replace(/\/$/, "")}/api-keys/`;
  return {
    async create(params, options = {}) {
      const { headers, idempotencyKey } = checkRequestOptions(options);
      const { accountId, body } = prepareCreate(params);
      const controls: CallControls = {
        signal: options.signal,
        timeoutMs: options.timeout,
        maxRetries: options.maxRetries,
      };
      const received = await send(
        config,
        {
          method: "POST",
          url: `${baseUrl}/api-keys/?account_id=${encodeURIComponent(accountId)}`,
          headers,
          body,
        },
        controls,
      );
      const { data, meta } = readData(
        received,
        { label: `POST ${path}`, idempotencyKey },
        isApiKey,
      );
      Object.defineProperty(data, "lastResponse", { value: meta, enumerable: false });
      return data as ApiKeyResult;
    },
  };
}
