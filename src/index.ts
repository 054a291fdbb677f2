// The public surface of @hsrcpay/client: everything else in src/ is internal.

export type { components, operations, paths } from "../generated/schema.js";
export {
  createHsrcpayClient,
  defaultBaseUrl,
  defaultMaxResponseBytes,
  defaultTimeoutMs,
  type HsrcpayClient,
  type HsrcpayClientOptions,
} from "./client.js";
export type { Credential, CredentialKind, CredentialMode, TokenSource } from "./credentials.js";
export type { ResponseMeta } from "./envelope.js";
export {
  AuthenticationError,
  BadRequestError,
  ConflictError,
  HsrcpayApiError,
  InternalServerError,
  NotFoundError,
  PermissionDeniedError,
  RateLimitError,
  UnprocessableEntityError,
} from "./errors/api-error.js";
export {
  HsrcpayAbortError,
  HsrcpayConnectionError,
  HsrcpayError,
  HsrcpayTimeoutError,
} from "./errors/hsrcpay-error.js";
export { HsrcpayInvalidResponseError } from "./errors/invalid-response-error.js";
export { HsrcpayRedirectError } from "./errors/redirect-error.js";
export { HsrcpayResponseTooLargeError } from "./errors/response-too-large-error.js";
export { HsrcpayValidationError } from "./errors/validation-error.js";
export type { Logger, LogLevel, RetryEvent, RetryHook } from "./log.js";
export { optionLimits, type RequestOptions } from "./options.js";
export type { Page, PagePromise } from "./pagination.js";
export type {
  ApiKey,
  ApiKeyResult,
  ApiKeysResource,
  DeletedApiKey,
  ReadOptions,
} from "./resources/api-keys.js";
export type { CreateApiKeyParams } from "./resources/create-api-key-params.js";
export type { ListApiKeysParams } from "./resources/list-api-keys-params.js";
export { retryDefaults } from "./retry.js";
export type { RawPaths } from "./typed-api.js";
