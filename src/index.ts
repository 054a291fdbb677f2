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
export type { ResponseMeta } from "./internal/answer.js";
export type {
  Credential,
  CredentialKind,
  CredentialMode,
  TokenSource,
} from "./internal/credentials.js";
export type { Logger, LogLevel, RetryEvent, RetryHook } from "./internal/log.js";
export type {
  Consumed,
  Deleted,
  Embedded,
  NoParams,
  Params,
  ReadOptions,
  WithMeta,
} from "./internal/operation.js";
export { optionLimits, type RequestOptions } from "./internal/options.js";
export type { Page, PagePromise, ToArrayOptions } from "./internal/pagination.js";
export { retryDefaults } from "./internal/retry.js";
export type { RawPaths } from "./internal/typed-api.js";
export type {
  AccountMembership,
  AccountMembershipResult,
  AccountMembershipsResource,
  CreateAccountMembershipParams,
  ListAccountMembershipsParams,
  UpdateAccountMembershipParams,
} from "./resources/account-memberships/index.js";
export type {
  Account,
  AccountResult,
  AccountsResource,
  CreateAccountParams,
  UpdateAccountParams,
} from "./resources/accounts/index.js";
export type {
  ApiKey,
  ApiKeyResult,
  ApiKeysResource,
  CreateApiKeyParams,
  DeletedApiKey,
  ListApiKeysParams,
} from "./resources/api-keys/index.js";
export type {
  Charge,
  ChargeResult,
  ChargesResource,
  ListChargesParams,
} from "./resources/charges/index.js";
export type {
  CheckoutSession,
  CheckoutSessionResult,
  CheckoutSessionsResource,
  ConfirmCheckoutSessionParams,
  CreateCheckoutSessionParams,
  ListCheckoutSessionsParams,
  SearchCheckoutSessionsParams,
} from "./resources/checkout-sessions/index.js";
export type {
  CreateCustomerAddressParams,
  Customer,
  CustomerResult,
  CustomersResource,
  CustomerWith,
  ListCustomersParams,
  RetrieveCustomerParams,
} from "./resources/customers/index.js";
export type {
  ListNotificationsParams,
  Notification,
  NotificationResult,
  NotificationsResource,
} from "./resources/notifications/index.js";
export type {
  ConsumedLink,
  ConsumeOptions,
  OneTimeLinksResource,
} from "./resources/one-time-links/index.js";
export type {
  CreatePaymentProviderConfigParams,
  CreateRoutingRuleParams,
  ListPaymentProviderConfigsParams,
  PaymentProviderConfig,
  PaymentProviderConfigFee,
  PaymentProviderConfigResult,
  PaymentProviderConfigsResource,
  RoutingRule,
  UpdatePaymentProviderConfigFeeParams,
} from "./resources/payment-provider-configs/index.js";
export type {
  PaymentProviderMethod,
  PaymentProviderMethodResult,
  PaymentProviderMethodsResource,
  RetrievePaymentProviderMethodParams,
} from "./resources/payment-provider-methods/index.js";
export type {
  PaymentProvider,
  PaymentProviderResult,
  PaymentProvidersResource,
  UpdatePaymentProviderParams,
} from "./resources/payment-providers/index.js";
export type {
  ConfirmedPayment,
  ConfirmPaymentParams,
  ConfirmResult,
  CreatePaymentParams,
  DeclineCode,
  DeclineKind,
  ListPaymentsParams,
  Payment,
  PaymentNextAction,
  PaymentResult,
  PaymentsResource,
  PaymentWith,
  RetrievePaymentParams,
} from "./resources/payments/index.js";
export { declineKind } from "./resources/payments/index.js";
export type { ListRefundsParams, Refund, RefundsResource } from "./resources/refunds/index.js";
export type {
  ListRoutingPlansParams,
  RetrieveRoutingPlanParams,
  RoutingPlan,
  RoutingPlansResource,
  RoutingPlanWith,
} from "./resources/routing-plans/index.js";
export type {
  CreateWebhookParams,
  ListWebhooksParams,
  Webhook,
  WebhookResult,
  WebhooksResource,
} from "./resources/webhooks/index.js";
