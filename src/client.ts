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
import {
  checkHeaders,
  checkKnownOptions,
  checkMaxResponseBytes,
  checkMaxRetries,
  checkTimeout,
} from "./internal/options.js";
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
import { type CustomersResource, customersResource } from "./resources/customers/index.js";
import { type PaymentsResource, paymentsResource } from "./resources/payments/index.js";
import { type RefundsResource, refundsResource } from "./resources/refunds/index.js";
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
   * API root, absolute, without the operation path.
   * @default "https://api.hsrcpay.com/v1"
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
   * redacted start). Lines never hold the token or a key.
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

/** The client options, by name: anything else is refused (see checkKnownOptions). */
const clientOptionNames = [
  "token",
  "baseUrl",
  "fetch",
  "maxRetries",
  "timeout",
  "dangerouslyAllowBrowser",
  "maxResponseBytes",
  "logLevel",
  "logger",
  "onRetry",
  "defaultHeaders",
  "fetchOptions",
];
/** What a request's init holds that the client sets: `fetchOptions` cannot replace them. */
const clientInit = ["method", "headers", "body", "signal", "redirect"];

export interface HsrcpayClient {
  readonly payments: PaymentsResource;
  readonly accounts: AccountsResource;
  readonly accountMemberships: AccountMembershipsResource;
  readonly apiKeys: ApiKeysResource;
  readonly charges: ChargesResource;
  readonly refunds: RefundsResource;
  readonly customers: CustomersResource;
  readonly webhooks: WebhooksResource;
  /**
   * A new client with these options over this one's (`token`, `baseUrl`, `timeout`,
   * `defaultHeaders`…), checked as `createHsrcpayClient` checks them. It shares nothing mutable
   * with this one: a platform makes one per merchant account from a shared configuration.
   * @example const merchant = hsrcpay.withOptions({ token: merchantKey, defaultHeaders: { "X-Tenant": id } });
   */
  withOptions(options: HsrcpayClientOptions): HsrcpayClient;
  /** openapi-fetch typed with the spec's paths, sharing auth, retries and timeouts: `{ data, error, response }`. */
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
  if (!isPlainObject(given)) {
    throw new HsrcpayValidationError("options", "must be an object");
  }
  checkKnownOptions(given, clientOptionNames, "");
  // Each option read once, into this client's own object: changing the caller's object later
  // changes neither this client nor one derived from it with withOptions.
  const options = readOptions(given);
  const own = options;
  const defaultHeaders = checkHeaders(own.defaultHeaders, "defaultHeaders", false);
  const fetchOptions = checkFetchOptions(own.fetchOptions);
  const baseUrl = checkBaseUrl(options.baseUrl ?? defaultBaseUrl);
  checkMaxRetries(options.maxRetries, "maxRetries");
  checkTimeout(options.timeout, "timeout");
  checkMaxResponseBytes(options.maxResponseBytes, "maxResponseBytes");
  const reporter = reporterFor(options, readEnv("HSRCPAY_LOG"));
  if (options.fetch !== undefined && typeof options.fetch !== "function") {
    throw new HsrcpayValidationError("fetch", "must be a function");
  }
  checkRandomUUID();
  const browser = inBrowser();
  const allowBrowser = options.dangerouslyAllowBrowser === true;
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
  const sending = createApi(config, baseUrl, {
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
  const { api } = sending;
  const call = createCall(sending);
  return {
    payments: paymentsResource(call),
    accounts: accountsResource(call),
    accountMemberships: accountMembershipsResource(call),
    apiKeys: apiKeysResource(call),
    charges: chargesResource(call),
    refunds: refundsResource(call),
    customers: customersResource(call),
    webhooks: webhooksResource(call),
    raw: api,
    withOptions: (overrides: HsrcpayClientOptions) => {
      if (!isPlainObject(overrides)) {
        throw new HsrcpayValidationError("options", "must be an object");
      }
      checkKnownOptions(overrides, clientOptionNames, "");
      // `token: undefined` is a credential that went missing (an unset environment variable):
      // keeping this client's, or falling back to HSRCPAY_API_KEY, would call as someone else.
      if ("token" in overrides && overrides.token === undefined) {
        throw new HsrcpayValidationError(
          "token",
          "is undefined: pass the credential (is an environment variable missing?), or leave token out to keep this client's",
        );
      }
      return createHsrcpayClient({ ...own, ...readOptions(overrides) });
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

const isPlainObject = (value: unknown): value is object =>
  typeof value === "object" && value !== null && !Array.isArray(value);

/**
 * The options as a plain object of the ones given (left out when `undefined`), each read once,
 * so that a config class's getters and inherited fields count as they do when read directly.
 * `defaultHeaders` may be a `Headers`; both it and `fetchOptions` are copied.
 */
function readOptions(given: object): HsrcpayClientOptions {
  const own: Record<string, unknown> = {};
  for (const name of clientOptionNames) {
    let value: unknown;
    try {
      value = (given as Record<string, unknown>)[name];
    } catch {
      throw new HsrcpayValidationError(name, "could not be read");
    }
    if (value === undefined) continue;
    if (name === "defaultHeaders" && value instanceof Headers) {
      const record: Record<string, string> = {};
      value.forEach((text, header) => {
        record[header] = text;
      });
      value = record;
    } else if ((name === "defaultHeaders" || name === "fetchOptions") && isPlain(value)) {
      value = { ...value };
    }
    own[name] = value;
  }
  return own as HsrcpayClientOptions;
}

/** An object literal's kind: its prototype is Object's or none, so spreading it loses nothing. */
function isPlain(value: unknown): value is object {
  if (!isPlainObject(value)) return false;
  const prototype = Object.getPrototypeOf(value);
  return prototype === Object.prototype || prototype === null;
}

function checkFetchOptions(value: unknown): Record<string, unknown> | undefined {
  if (value === undefined) return undefined;
  if (!isPlain(value)) {
    throw new HsrcpayValidationError(
      "fetchOptions",
      "must be a plain object of fetch init options (a class's getters and inherited fields would not reach fetch)",
    );
  }
  for (const name of clientInit) {
    if (Object.hasOwn(value, name)) {
      throw new HsrcpayValidationError(
        `fetchOptions.${name}`,
        name === "redirect"
          ? "is the client's: it never follows a redirect (see HsrcpayRedirectError)"
          : name === "signal"
            ? "is the client's: each attempt has its own; pass options.signal per call"
            : "is set by the client for every request",
      );
    }
  }
  return value as Record<string, unknown>;
}

function checkBaseUrl(value: unknown): string {
  let url: URL | undefined;
  try {
    url = typeof value === "string" ? new URL(value) : undefined;
  } catch {
    url = undefined;
  }
  if (!url || (url.protocol !== "https:" && url.protocol !== "http:") || url.search || url.hash) {
    throw new HsrcpayValidationError(
      "baseUrl",
      `must be an absolute http(s) URL such as ${defaultBaseUrl}`,
    );
  }
  // Credentials in the URL would travel in the clear to every error message that names the URL.
  if (url.username || url.password) {
    throw new HsrcpayValidationError(
      "baseUrl",
      "must not contain a user name or password; the client authenticates with its token",
    );
  }
  return url.href.replace(/\/+$/, "");
}
