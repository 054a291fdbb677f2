// createHsrcpayClient: credentials, the shared transport (auth, retries, timeouts), the typed
// resources, and `raw`, the openapi-fetch client over the same transport.
import type { Client } from "openapi-fetch";
import { HsrcpayError } from "./errors/hsrcpay-error.js";
import { HsrcpayValidationError } from "./errors/validation-error.js";
import {
  assertAllowedHere,
  type Credential,
  checkToken,
  classifyToken,
  envToken,
  inBrowser,
  maskToken,
  type TokenSource,
} from "./internal/credentials.js";
import { readEnv } from "./internal/env.js";
import { type Logger, type LogLevel, type RetryHook, reporterFor } from "./internal/log.js";
import { createCall } from "./internal/operation.js";
import { checkClientOptions, readClientOptions } from "./internal/options.js";
import { retryDefaults } from "./internal/retry.js";
import type { TransportConfig } from "./internal/transport.js";
import { createApi, type RawPaths } from "./internal/typed-api.js";
import { userAgent } from "./internal/user-agent.js";
import {
  type AccountMembershipsResource,
  accountMembershipsResource,
} from "./resources/account-memberships/index.js";
import { type AccountsResource, accountsResource } from "./resources/accounts/index.js";
import { type ApiKeysResource, apiKeysResource } from "./resources/api-keys/index.js";
import { type ChargesResource, chargesResource } from "./resources/charges/index.js";
import {
  type CheckoutSessionsResource,
  checkoutSessionsResource,
} from "./resources/checkout-sessions/index.js";
import { type CustomersResource, customersResource } from "./resources/customers/index.js";
import {
  type NotificationsResource,
  notificationsResource,
} from "./resources/notifications/index.js";
import {
  type OneTimeLinksResource,
  oneTimeLinksResource,
} from "./resources/one-time-links/index.js";
import {
  type PaymentProviderConfigsResource,
  paymentProviderConfigsResource,
} from "./resources/payment-provider-configs/index.js";
import {
  type PaymentProviderMethodsResource,
  paymentProviderMethodsResource,
} from "./resources/payment-provider-methods/index.js";
import {
  type PaymentProvidersResource,
  paymentProvidersResource,
} from "./resources/payment-providers/index.js";
import { type PaymentsResource, paymentsResource } from "./resources/payments/index.js";
import { type RefundsResource, refundsResource } from "./resources/refunds/index.js";
import {
  type RoutingPlansResource,
  routingPlansResource,
} from "./resources/routing-plans/index.js";
import { type WebhooksResource, webhooksResource } from "./resources/webhooks/index.js";

export interface HsrcpayClientOptions {
  /**
   * Bearer credential: a secret key (`sk_…`), a publishable key (`pk_…`) or a JWT, or a sync or
   * async function returning the current one (called once per request, for rotating JWTs).
   * @default process.env.HSRCPAY_API_KEY
   * @example createHsrcpayClient({ token: async () => auth.getAccessToken() })
   */
  token?: TokenSource | undefined;
  /**
   * API root, absolute, without the operation path. Where it is not given, `HSRCPAY_BASE_URL` is
   * read (once, when the client is made; an empty value counts as unset) and checked the same way.
   * @default process.env.HSRCPAY_BASE_URL, else "https://api.hsrcpay.com/v1"
   * @example createHsrcpayClient({ baseUrl: "http://127.0.0.1:4010" }) // a local mock
   */
  baseUrl?: string | undefined;
  /**
   * The fetch implementation, called as `fetch(url, init)`.
   * @default globalThis.fetch
   */
  fetch?: typeof fetch | undefined;
  /**
   * Retries after the first attempt (connection failures, timeouts, 408, 429, 500, 502, 503, 504).
   * @default 2
   */
  maxRetries?: number | undefined;
  /**
   * Milliseconds one attempt may take, reading the body included; each retry gets its own.
   * @default 30000
   */
  timeout?: number | undefined;
  /**
   * Allow a secret key (`sk_…`) in a browser: a page, or a dedicated, shared or service worker in
   * a browser, which run on the visitor's machine too. Anyone who can open the page can read it.
   * Server runtimes (Node, Deno, Bun, Cloudflare Workers, Vercel Edge) accept a secret key without it.
   * @default false
   */
  dangerouslyAllowBrowser?: boolean | undefined;
  /**
   * Cap on a response body, in bytes after decompression (1 KiB to 64 MiB). A success body past it
   * is an `HsrcpayResponseTooLargeError`; failure bodies are cut at 64 KiB (or this, if smaller).
   * @default 4194304 (4 MiB)
   */
  maxResponseBytes?: number | undefined;
  /**
   * How much the client logs: `"error"` (calls that failed), `"warn"` (each retry, with its reason
   * and delay), `"info"` (each call's outcome), `"debug"` (each attempt, with a failure body's
   * masked start). Lines never hold the token or a key.
   * @default process.env.HSRCPAY_LOG, else "off"
   */
  logLevel?: LogLevel | undefined;
  /**
   * Where the lines go: anything console-shaped (`debug`, `info`, `warn`, `error`).
   * @default globalThis.console
   */
  logger?: Logger | undefined;
  /**
   * Called before each retry with what failed and how long the client waits: for metrics and
   * tracing. What it throws or rejects with is logged at `warn` and does not stop the call.
   * @example onRetry: (event) => metrics.increment("hsrcpay.retry", { reason: event.reason })
   */
  onRetry?: RetryHook | undefined;
  /**
   * Headers sent on every request, under the per-call `headers` (which win). `Authorization`,
   * `Content-Type`, `Idempotency-Key` (one per write) and the HTTP stack's own are refused.
   * @example defaultHeaders: { "X-Platform-Tenant": "merchant-42" }
   */
  defaultHeaders?: Record<string, string> | undefined;
  /**
   * Passed to every `fetch(url, init)` under the client's own init: an undici `dispatcher` (a proxy
   * or mTLS on Node), Bun's `proxy`, Deno's `client`. `method`, `headers`, `body`, `signal` and
   * `redirect` are the client's and refused here: redirects are never followed, and each attempt
   * has its own deadline.
   * @example fetchOptions: { dispatcher: new ProxyAgent("http://proxy.internal:3128") }
   */
  fetchOptions?: Record<string, unknown> | undefined;
}

export interface HsrcpayClient {
  readonly payments: PaymentsResource;
  readonly accounts: AccountsResource;
  readonly accountMemberships: AccountMembershipsResource;
  readonly apiKeys: ApiKeysResource;
  readonly charges: ChargesResource;
  readonly refunds: RefundsResource;
  readonly customers: CustomersResource;
  readonly webhooks: WebhooksResource;
  /** HSRCPAY's catalogue of payment providers (an operations surface). */
  readonly paymentProviders: PaymentProvidersResource;
  /** The methods catalogue providers support, by id. */
  readonly paymentProviderMethods: PaymentProviderMethodsResource;
  /** An account's provider configs, with their fee rows and routing rules; credentials masked. */
  readonly paymentProviderConfigs: PaymentProviderConfigsResource;
  /** How confirms are routed: the provider configs tried, in order (an operations surface). */
  readonly routingPlans: RoutingPlansResource;
  /** The account's notifications, to list and to archive (a dashboard surface). */
  readonly notifications: NotificationsResource;
  /** Links that work once: consuming one answers a page, a text or a redirect. */
  readonly oneTimeLinks: OneTimeLinksResource;
  readonly checkoutSessions: CheckoutSessionsResource;
  /**
   * A new client with these options over this one's (`token`, `baseUrl`, `timeout`,
   * `defaultHeaders`…), checked as `createHsrcpayClient` checks them. It shares nothing mutable
   * with this one: a platform makes one per merchant account from a shared configuration.
   * @example const merchant = hsrcpay.withOptions({ token: merchantKey, defaultHeaders: { "X-Tenant": id } });
   */
  withOptions(options: HsrcpayClientOptions): HsrcpayClient;
  /**
   * openapi-fetch typed with the spec's paths, sharing auth, retries and timeouts: `{ data, error,
   * response }`. Its middleware (`raw.use`) sees `raw`'s calls only; the `fetch` option sees every
   * request. A failure's body is the error envelope's masked fields, or none when it was not one.
   */
  readonly raw: Client<RawPaths, "application/json">;
  /**
   * The kind and mode of the credential, never the secret. For a token function: of the token it
   * last returned, `undefined` before the first request.
   */
  readonly credential: Credential | undefined;
  readonly baseUrl: string;
}

export const defaultBaseUrl = "https://api.hsrcpay.com/v1";
export const defaultTimeoutMs = 30_000;
export const defaultMaxResponseBytes = 4_194_304;

// The runtime's own fetch, as this module found it: only that one is trusted to end its promise and
// its body when the attempt's signal aborts. A mock or a wrapper put in its place, before a call or
// after, is raced against the deadline like an injected fetch, since it may drop the signal.
const runtimeFetch = globalThis.fetch;

export function createHsrcpayClient(given: HsrcpayClientOptions = {}): HsrcpayClient {
  // Each option read once, into this client's own object: changing the caller's object later
  // changes neither this client nor one derived from it with withOptions.
  const own = readClientOptions(given);
  return makeClient(own as HsrcpayClientOptions);
}

function makeClient(options: HsrcpayClientOptions): HsrcpayClient {
  // HSRCPAY_BASE_URL is read once, like HSRCPAY_API_KEY: a derived client keeps this base URL.
  const { defaultHeaders, fetchOptions, baseUrl } = checkClientOptions(
    options as Record<string, unknown>,
    defaultBaseUrl,
    options.baseUrl === undefined ? readEnv("HSRCPAY_BASE_URL") : undefined,
  );
  const reporter = reporterFor(options, readEnv("HSRCPAY_LOG"));
  checkRandomUUID();
  const browser = inBrowser();
  const allowBrowser = options.dangerouslyAllowBrowser === true;
  // Read once: a client derived with withOptions keeps this credential, not the variable's later value.
  const source = options.token ?? envToken();
  const sourceName = options.token !== undefined ? "the token option" : "HSRCPAY_API_KEY";
  let credential: Credential | undefined;
  let masked = "(from a function)";
  let token: () => string | Promise<string>;

  if (typeof source === "function") {
    token = async () => {
      let returned: unknown;
      try {
        returned = await source();
      } catch (error) {
        throw new HsrcpayError("The token function failed; nothing was sent", { cause: error });
      }
      const current = checkToken(returned, "the token function");
      credential = classifyToken(current);
      assertAllowedHere(credential, browser, allowBrowser);
      return current;
    };
  } else {
    const fixed = checkToken(
      source,
      `${sourceName} (pass token to createHsrcpayClient or set HSRCPAY_API_KEY)`,
    );
    credential = classifyToken(fixed);
    assertAllowedHere(credential, browser, allowBrowser);
    masked = maskToken(fixed);
    token = () => fixed;
  }

  const fetchImpl = options.fetch ?? ((input, init) => globalThis.fetch(input, init));
  const config: TransportConfig = {
    fetch: fetchImpl,
    token,
    maxRetries: options.maxRetries ?? retryDefaults.maxRetries,
    timeoutMs: options.timeout ?? defaultTimeoutMs,
    maxResponseBytes: options.maxResponseBytes ?? defaultMaxResponseBytes,
    reporter,
    // Asked on every attempt: the global may be replaced after the client is made.
    honoursSignal: () => (options.fetch ?? globalThis.fetch) === runtimeFetch,
    fetchOptions,
    callToken: (given) => {
      const checked = checkToken(given, "options.token");
      assertAllowedHere(classifyToken(checked), browser, allowBrowser);
      return checked;
    },
  };

  const agent = userAgent();
  const { api, sender } = createApi(config, baseUrl, {
    ...(agent === undefined ? {} : { "user-agent": agent }),
    ...defaultHeaders,
  });

  const summary = () => ({
    baseUrl,
    credential,
    token: masked,
    maxRetries: config.maxRetries,
    timeout: config.timeoutMs,
    maxResponseBytes: config.maxResponseBytes,
  });
  const call = createCall(sender, reporter);
  return {
    payments: paymentsResource(call),
    accounts: accountsResource(call),
    accountMemberships: accountMembershipsResource(call),
    apiKeys: apiKeysResource(call),
    charges: chargesResource(call),
    refunds: refundsResource(call),
    customers: customersResource(call),
    webhooks: webhooksResource(call),
    paymentProviders: paymentProvidersResource(call),
    paymentProviderMethods: paymentProviderMethodsResource(call),
    paymentProviderConfigs: paymentProviderConfigsResource(call),
    routingPlans: routingPlansResource(call),
    notifications: notificationsResource(call),
    oneTimeLinks: oneTimeLinksResource(call),
    checkoutSessions: checkoutSessionsResource(call),
    raw: api,
    withOptions: (overrides: HsrcpayClientOptions) => {
      const read = readClientOptions(overrides);
      // `token: undefined` is a credential that went missing (an unset environment variable):
      // keeping this client's, or falling back to HSRCPAY_API_KEY, would call as someone else.
      if (Object.hasOwn(overrides, "token") && overrides.token === undefined) {
        throw new HsrcpayValidationError(
          "token",
          "is undefined: pass the credential (is an environment variable missing?), or leave token out to keep this client's",
        );
      }
      return makeClient({ ...options, token: source, baseUrl, ...read });
    },
    get credential() {
      return credential;
    },
    baseUrl,
    toJSON: summary,
    [Symbol.for("nodejs.util.inspect.custom")]: () => ({ HsrcpayClient: summary() }),
  } as HsrcpayClient;
}

// Every write's Idempotency-Key is a `crypto.randomUUID()` (src/typed-api.ts). Node 18 has no
// global `crypto`, and browsers hide `randomUUID` from pages not served over https or from
// localhost: say so here, not with a bare ReferenceError on the first write.
function checkRandomUUID(): void {
  const { crypto } = globalThis as { crypto?: { randomUUID?: unknown } };
  if (typeof crypto?.randomUUID !== "function") {
    throw new HsrcpayError(
      "This runtime has no global crypto.randomUUID(), which the client needs for Idempotency-Keys: " +
        "use Node 20 or later, or in a browser a page served over https or from localhost.",
    );
  }
}
