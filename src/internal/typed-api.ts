// The one path of every call: openapi-fetch, typed by the spec's `paths`, builds the request (so
// the compiler checks path templates, params and bodies against the spec), its middleware runs,
// and the transport sends it. Resource methods and `hsrcpay.raw` are the same client.
import openapiFetch, { type Client } from "openapi-fetch";
import type { paths } from "../../generated/schema.js";
import { HsrcpayError } from "../errors/hsrcpay-error.js";
import { HsrcpayValidationError } from "../errors/validation-error.js";
import type { Received } from "./answer.js";
import { setOwn } from "./checks.js";
import { type RequestSummary, tooLarge } from "./envelope.js";
import { checkPathFilled, checkWellFormed, serializePath } from "./guards.js";
import type { CallSettings } from "./options.js";
import { requestSecrets } from "./redact.js";
import { labelOf, send, type TransportConfig } from "./transport.js";

/**
 * The spec's paths with open enums as plain `string` (`"SECRET" | (string & {})` becomes `string`),
 * for `raw`: openapi-fetch 0.17 passes response data through `Readable<T>`, which maps `string & {}`
 * into an object of string methods (openapi-ts/openapi-typescript#2765), so `raw`'s `data.data.type`
 * would stop being a string. The resource methods keep the known values (their results are typed
 * from `components`, not through openapi-fetch). Drop this once a fixed helpers package lands.
 */
export type RawPaths = Plain<paths>;
type Plain<T> = T extends string
  ? string extends T
    ? string
    : T
  : T extends readonly (infer U)[]
    ? Plain<U>[]
    : T extends object
      ? { [K in keyof T]: Plain<T[K]> }
      : T;

export type Api = Client<RawPaths, "application/json">;

/** A fetch for openapi-fetch that sends through the transport with these per-call settings. */
export type Through = (settings: CallSettings) => (request: Request) => Promise<Response>;

// In the CJS build, esbuild follows Node's rule for ESM code importing CommonJS and hands over
// openapi-fetch's module.exports as the default import; its factory is then on `.default`.
const createClient: typeof openapiFetch =
  typeof openapiFetch === "function"
    ? openapiFetch
    : (openapiFetch as unknown as { default: typeof openapiFetch }).default;

// Statuses whose Response must not have a body (Fetch standard, "null body status").
const nullBodyStatuses = new Set([101, 103, 204, 205, 304]);
// The body handed on is decoded text (a failure body possibly cut): these no longer describe it.
const framingHeaders = ["content-length", "content-encoding", "transfer-encoding"];

/**
 * What the transport received for a response this module made, and the request it answered: kept
 * on the response under a private symbol (a WeakMap entry per call made GC a third of the cost).
 */
const answer = Symbol("hsrcpay.answer");
interface Answered {
  [answer]?: { received: Received; request: RequestSummary };
}

/**
 * openapi-fetch builds one Request per call only to hand it to `fetch`; a real Request parses
 * the URL, copies headers and wraps the body in a stream, which cost ~20% of a loopback call.
 * This keeps what `fetch(url, init)` needs. Middleware sees it as the request (`url`, `method`,
 * `headers`, `body`, `signal`); one that returns a real `Request` is followed as well.
 */
class PlainRequest {
  readonly url: string;
  readonly method: string;
  readonly headers: Headers;
  readonly body: BodyInit | null;
  readonly signal: AbortSignal | null;
  constructor(url: string, init: RequestInit = {}) {
    this.url = url;
    this.method = init.method ?? "GET";
    this.headers = init.headers instanceof Headers ? init.headers : new Headers(init.headers);
    this.body = init.body ?? null;
    this.signal = init.signal ?? null;
  }
  clone(): PlainRequest {
    return new PlainRequest(this.url, this);
  }
  // openapi-fetch accepts a request returned by middleware only if it is `instanceof` the class
  // it was given: a real Request from middleware is as welcome as one of these.
  static [Symbol.hasInstance](value: unknown): boolean {
    return (
      value instanceof Request ||
      (typeof value === "object" &&
        value !== null &&
        Object.getPrototypeOf(value) === PlainRequest.prototype)
    );
  }
}

function realResponse(received: Received, text: string): Response {
  const headers = received.headers;
  let framed: Headers | undefined;
  for (const name of framingHeaders) {
    if (headers.has(name)) {
      framed ??= new Headers(headers);
      framed.delete(name);
    }
  }
  return new Response(nullBodyStatuses.has(received.status) ? null : text, {
    status: received.status,
    statusText: received.statusText,
    headers: framed ?? headers,
  });
}

/**
 * What openapi-fetch and middleware see of an answer a resource method reads itself: status and
 * headers, and the (redacted, for a failure) text, without building a stream for a body that the
 * client has already read.
 */
class PlainResponse {
  readonly status: number;
  readonly ok: boolean;
  readonly headers: Headers;
  readonly body = null;
  readonly #text: string;
  readonly #received: Received;
  constructor(received: Received, text: string) {
    this.status = received.status;
    this.ok = received.status < 300;
    this.headers = received.headers;
    this.#text = text;
    this.#received = received;
  }
  /** Read from the answer only when asked: see `received` in transport.ts. */
  get statusText(): string {
    return this.#received.statusText;
  }
  async text(): Promise<string> {
    return this.#text;
  }
  async json(): Promise<unknown> {
    return JSON.parse(this.#text);
  }
}

/**
 * The spec's query parameters are scalars (strings, integers, booleans), sent form-style as
 * openapi-fetch would; one function for the client, instead of one openapi-fetch builds per call.
 */
function serializeQuery(query: Record<string, unknown>): string {
  let search = "";
  for (const name in query) {
    const value = query[name];
    if (value === undefined || value === null) continue;
    // Through `raw` a query is whatever the caller's object holds: what URL encoding cannot take
    // (an object, a lone surrogate) is refused here, not thrown as a bare TypeError or URIError.
    const field = `params.query.${name}`;
    checkWellFormed(name, field);
    if (typeof value === "object" || typeof value === "function" || typeof value === "symbol") {
      throw new HsrcpayValidationError(field, "must be a string, a number or a boolean");
    }
    checkWellFormed(String(value), field);
    // Names are encoded too: through `raw`, a name is whatever the caller's object holds.
    search += `${search ? "&" : ""}${encodeURIComponent(name)}=${encodeURIComponent(String(value))}`;
  }
  return search;
}

/**
 * A resource method's request as the client builds it when no middleware is registered: the same
 * URL, headers and body openapi-fetch would build, without building them twice through `Headers`
 * objects and a stand-in Request only to take them apart again (see `createApi`).
 */
export type Direct = (
  settings: CallSettings,
  method: string,
  schemaPath: string,
  pathParams: Record<string, unknown>,
  query: Record<string, unknown>,
  json: string | undefined,
  headers: Record<string, string>,
) => Promise<{ received: Received; request: RequestSummary }>;

/** The two ways a call is sent, which `createCall` chooses between: see `send` in operation.ts. */
export interface Sending {
  api: Api;
  through: Through;
  direct: Direct;
  hasMiddleware: () => boolean;
}

export function createApi(
  config: TransportConfig,
  baseUrl: string,
  /** Sent on every request, under the per-call headers: the User-Agent, `defaultHeaders`. */
  defaultHeaders: Record<string, string> = {},
): Sending {
  const basePath = new URL(baseUrl).pathname.replace(/\/$/, "");
  /** Sends one request built by openapi-fetch or by `direct`, and reads its answer. */
  const exchange = async (
    settings: CallSettings,
    outgoing: {
      method: string;
      url: string;
      headers: Record<string, string>;
      body: string | undefined;
    },
    requestSignal: AbortSignal | null,
  ) => {
    const { method, headers, body } = outgoing;
    // The one Idempotency-Key rule: every write carries one, the same on each retry.
    if (method !== "GET" && method !== "HEAD") {
      headers["idempotency-key"] =
        settings.idempotencyKey ?? headers["idempotency-key"] ?? crypto.randomUUID();
    }
    const received = await send(config, outgoing, {
      signal: settings.signal ?? requestSignal ?? undefined,
      timeoutMs: settings.timeoutMs,
      maxRetries: settings.maxRetries,
      secrets: requestSecrets(body),
      token: settings.token,
    });
    const request: RequestSummary = {
      // Through `raw`, the path holds what the caller passed as path parameters: redacted.
      label:
        settings.schemaPath === undefined
          ? received.redact(labelOf(outgoing))
          : `${method} ${basePath}${settings.schemaPath}`,
      idempotencyKey: headers["idempotency-key"],
    };
    if (received.status < 300 && received.truncated) throw tooLarge(received, request);
    return { received, request };
  };
  const through: Through = (settings) => async (request) => {
    checkPathFilled(request.url);
    const headers: Record<string, string> = {};
    request.headers.forEach((value, name) => {
      if (name === "__proto__") setOwn(headers, name, value);
      else headers[name] = value;
    });
    const body =
      request.body === null
        ? undefined
        : typeof request.body === "string"
          ? request.body
          : await new Response(request.body).text();
    const outgoing = { method: request.method, url: request.url, headers, body };
    const { received, request: summary } = await exchange(settings, outgoing, request.signal);
    // A failure body goes on redacted (it is for diagnosis); a success body as it arrived (it is
    // the data asked for). A resource method reads the answer itself, so openapi-fetch and
    // middleware get a body-less stand-in; `raw` gets a real Response.
    const text = received.status < 300 ? received.text : received.redact(received.text);
    const response = settings.readByClient
      ? (new PlainResponse(received, text) as unknown as Response)
      : realResponse(received, text);
    (response as Answered)[answer] = { received, request: summary };
    return response;
  };
  const sentByDefault = { accept: "application/json", ...defaultHeaders };
  const api = createClient<RawPaths, "application/json">({
    baseUrl,
    Request: PlainRequest as unknown as typeof Request,
    headers: sentByDefault,
    querySerializer: serializeQuery,
    pathSerializer: serializePath,
    fetch: through({}),
  });
  // The defaults as a Headers object would hand them on: names lower-cased, values trimmed.
  const defaults: Record<string, string> = {};
  new Headers(sentByDefault).forEach((value, name) => {
    setOwn(defaults, name, value);
  });
  const origin = baseUrl.replace(/\/$/, "");
  const direct: Direct = (settings, method, schemaPath, pathParams, query, json, callHeaders) => {
    const search = serializeQuery(query);
    // serializePath fills every `{name}` or refuses: no template is left for checkPathFilled.
    const url = `${serializePath(`${origin}${schemaPath}`, pathParams)}${search ? `?${search}` : ""}`;
    const headers: Record<string, string> = {};
    // openapi-fetch's order: the JSON content type, the defaults, the call's own headers.
    if (json !== undefined) headers["content-type"] = "application/json";
    for (const name in defaults) setOwn(headers, name, defaults[name] as string);
    for (const name in callHeaders) {
      setOwn(headers, name, (callHeaders[name] as string).replace(/^[\t ]+|[\t ]+$/g, ""));
    }
    return exchange(settings, { method, url, headers, body: json }, null);
  };
  // Middleware sees every call, the resource methods' included (the README promises it): while
  // any is registered, resource methods go through openapi-fetch as `raw` does. The list mirrors
  // openapi-fetch's own (`use` appends, `eject` removes one occurrence of each).
  const middleware: unknown[] = [];
  const { use, eject } = api;
  api.use = (...added) => {
    for (const item of added) {
      use(item);
      if (item) middleware.push(item);
    }
  };
  api.eject = (...removed) => {
    eject(...removed);
    for (const item of removed) {
      const index = middleware.indexOf(item);
      if (index !== -1) middleware.splice(index, 1);
    }
  };
  return { api, through, direct, hasMiddleware: () => middleware.length > 0 };
}

/** The transport's answer behind a response from `through`. */
export function answerTo(response: Response): { received: Received; request: RequestSummary } {
  const answered = (response as Answered)[answer];
  if (answered === undefined) {
    throw new HsrcpayError(
      "A middleware replaced the response: the resource methods read only the client's own; use hsrcpay.raw for replaced responses",
    );
  }
  return answered;
}
