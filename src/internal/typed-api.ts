// The one request builder of the resource methods (`sender`), and `raw`: openapi-fetch typed by
// the spec's paths, whose requests (real `Request` objects, through its middleware) reach the same
// exchange. Both send through the transport: auth, retries, timeouts, the hostile-path guards.
// Middleware registered with `raw.use` sees `raw`'s calls only; the `fetch` option sees every one.
import openapiFetch, { type Client } from "openapi-fetch";
import { operations } from "../../generated/operations.js";
import type { paths } from "../../generated/schema.js";
import { HsrcpayValidationError } from "../errors/validation-error.js";
import {
  allowedOf,
  apiError,
  invalidResponse,
  maskFor,
  type Received,
  type RequestSummary,
  tooLarge,
} from "./answer.js";
import { setOwn } from "./checks.js";
import { checkPathFilled, checkWellFormed, serializePath } from "./guards.js";
import { masked, maskOf, mayHoldSecrets, secretFields, secretValues } from "./mask.js";
import type { CallSettings } from "./options.js";
import { labelOf, send, type TransportConfig } from "./transport.js";

/** The spec's paths, as `raw` is typed (a public name since 0.2.0). */
export type RawPaths = paths;

export type Api = Client<RawPaths, "application/json">;

// In the CJS build, esbuild follows Node's rule for ESM code importing CommonJS and hands over
// openapi-fetch's module.exports as the default import; its factory is then on `.default`.
const createClient: typeof openapiFetch =
  typeof openapiFetch === "function"
    ? openapiFetch
    : (openapiFetch as unknown as { default: typeof openapiFetch }).default;

/**
 * The spec's query parameters are scalars (strings, integers, booleans), sent form-style as
 * openapi-fetch would. Own properties only: a field on `Object.prototype` is no parameter.
 */
function serializeQuery(query: Record<string, unknown>): string {
  let search = "";
  for (const name of Object.keys(query)) {
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
    search += `${search ? "&" : ""}${encodeURIComponent(name)}=${encodeURIComponent(String(value))}`;
  }
  return search;
}

/** One request as the resource methods hand it over: the spec's path template and its parts. */
export interface Outgoing {
  method: string;
  /** The spec's path template (`/payments/{id}`): errors name the operation by it. */
  schemaPath: string;
  path: Record<string, unknown>;
  query: Record<string, unknown>;
  json: string | undefined;
  /** The caller's per-call headers, checked, names lower-cased. */
  headers: Record<string, string>;
  /** The values of the request's secret fields (masked in everything but the data). */
  secrets: readonly string[];
}

/** Sends a resource method's request and hands back the answer, read by the caller. */
export type Sender = (
  settings: CallSettings,
  outgoing: Outgoing,
) => Promise<{ received: Received; request: RequestSummary }>;

export function createApi(
  config: TransportConfig,
  baseUrl: string,
  /** Sent on every request, under the per-call headers: the User-Agent, `defaultHeaders`. */
  defaultHeaders: Record<string, string> = {},
): { api: Api; sender: Sender } {
  const basePath = new URL(baseUrl).pathname.replace(/\/$/, "");
  /** Sends one request, built by the sender or by openapi-fetch, through the transport. */
  const exchange = async (
    settings: CallSettings,
    request: {
      method: string;
      url: string;
      headers: Record<string, string>;
      body: string | undefined;
    },
    secrets: readonly string[],
    schemaPath: string | undefined,
  ) => {
    const { method, headers } = request;
    // The one Idempotency-Key rule: every write carries one, the same on each retry.
    if (method !== "GET" && method !== "HEAD") {
      headers["idempotency-key"] =
        settings.idempotencyKey ?? headers["idempotency-key"] ?? crypto.randomUUID();
    }
    // The settings are this call's own object (see checkRequestOptions). A secret path parameter
    // (a checkout session's token) is a secret of the call, for resource methods and `raw` alike.
    const inPath = secretsInPath(request.url);
    settings.secrets = inPath.length === 0 ? secrets : [...secrets, ...inPath];
    // What log lines and refusals name the call by: its path, a secret parameter's place blanked
    // (a short token, `a-b`, is no word the mask could find in it).
    const outgoing: typeof request & { label?: string } =
      inPath.length === 0 ? request : { ...request, label: blanked(method, request.url) };
    const received = await send(config, outgoing, settings);
    const idempotencyKey = headers["idempotency-key"];
    if (schemaPath !== undefined) {
      return { received, request: { label: `${method} ${basePath}${schemaPath}`, idempotencyKey } };
    }
    let label: string | undefined;
    const summary: RequestSummary = {
      // Through `raw`, the path holds what the caller passed as path parameters: masked, when an
      // error first names it.
      get label() {
        label ??= maskOf(received.secrets)(outgoing.label ?? labelOf(request));
        return label;
      },
      idempotencyKey,
    };
    return { received, request: summary };
  };

  const origin = baseUrl.replace(/\/$/, "");
  // The defaults as they go out: names lower-cased, values trimmed, as a Headers would hand them on.
  const defaults: Record<string, string> = {};
  new Headers({ accept: "application/json", ...defaultHeaders }).forEach((value, name) => {
    setOwn(defaults, name, value);
  });
  const defaultNames = Object.keys(defaults);
  const sender: Sender = (settings, outgoing) => {
    const search = serializeQuery(outgoing.query);
    // serializePath fills every `{name}` or refuses.
    const url = `${origin}${serializePath(outgoing.schemaPath, outgoing.path)}${search ? `?${search}` : ""}`;
    const headers: Record<string, string> = {};
    if (outgoing.json !== undefined) headers["content-type"] = "application/json";
    for (const name of defaultNames) setOwn(headers, name, defaults[name] as string);
    for (const name of Object.keys(outgoing.headers)) {
      setOwn(headers, name, outgoing.headers[name] as string);
    }
    const request = { method: outgoing.method, url, headers, body: outgoing.json };
    return exchange(settings, request, outgoing.secrets, outgoing.schemaPath);
  };

  /** `raw`'s fetch: openapi-fetch's Request through the exchange, and the answer as `raw` hands it on. */
  const rawFetch = async (request: Request): Promise<Response> => {
    checkPathFilled(request.url);
    const headers: Record<string, string> = {};
    request.headers.forEach((value, name) => {
      setOwn(headers, name, value);
    });
    const body = request.body === null ? undefined : await request.text();
    let secrets: string[] = [];
    if (body !== undefined && mayHoldSecrets(body)) {
      try {
        secrets = secretValues(JSON.parse(body));
      } catch {
        // Not JSON: there is no secret field to read a value from.
      }
    }
    const outgoing = { method: request.method, url: request.url, headers, body };
    const settings = { signal: request.signal };
    const { received, request: summary } = await exchange(settings, outgoing, secrets, undefined);
    return rawResponse(received, summary);
  };
  const api = createClient<RawPaths, "application/json">({
    baseUrl,
    headers: defaults,
    querySerializer: serializeQuery,
    pathSerializer: serializePath,
    fetch: rawFetch,
  });
  return { api, sender };
}

/**
 * The spec's paths with a secret path parameter (a `{token}`: a name the spec marks
 * `x-hsrcpay-secret`), as a pattern whose groups are those parameters' segments.
 */
const secretPaths: RegExp[] = [];
for (const key of Object.keys(operations)) {
  const template = key.split(" ")[1] as string;
  let secret = false;
  const source = template.replace(/\{([^}]+)\}|[^{]+/g, (part, name?: string) => {
    if (name === undefined) return part.replace(/[.+]/g, "\\$&");
    secret ||= secretFields.has(name);
    return secretFields.has(name) ? "([^/?#]+)" : "[^/?#]+";
  });
  // Whatever the method, any letter case, a trailing slash: `raw` may send it any way.
  if (secret) secretPaths.push(new RegExp(`${source}/?(?:[?#]|$)`, "di"));
}

/** What a URL holds in a secret path parameter's place: as sent, and percent-decoded. */
function secretsInPath(url: string): string[] {
  const found: string[] = [];
  for (const pattern of secretPaths) {
    for (const value of pattern.exec(url)?.slice(1) ?? []) {
      if (value === undefined) continue;
      found.push(value);
      try {
        found.push(decodeURIComponent(value));
      } catch {
        // Not valid percent-encoding: the segment as sent is all there is.
      }
    }
  }
  return found;
}

/** The call's label (`POST /v1/checkout-sessions/token/[redacted]/confirm`): secret places blanked. */
function blanked(method: string, url: string): string {
  let out = url;
  for (const pattern of secretPaths) {
    const ranges = pattern.exec(out)?.indices?.slice(1) ?? [];
    for (const range of ranges.reverse()) {
      if (range) out = `${out.slice(0, range[0])}${masked}${out.slice(range[1])}`;
    }
  }
  return labelOf({ method, url: out });
}

/**
 * What `raw` hands back: a success's body as it came (it is the data asked for), checked to be
 * JSON (openapi-fetch would throw a SyntaxError quoting it); a failure's as the error envelope's
 * masked fields, or no body when it was not one (its type and size are in the error's message).
 * Allow-listed headers only.
 */
function rawResponse(received: Received, request: RequestSummary): Response {
  const { status, text } = received;
  if (status < 300) {
    if (received.truncated) throw tooLarge(received, request);
    let parsed: unknown;
    // 204 and 205 are the 2xx a Response refuses a body for ("null body status").
    if (text !== "" && status !== 204 && status !== 205) {
      try {
        parsed = JSON.parse(text);
      } catch {
        throw invalidResponse(received, request, "a body that is not JSON");
      }
    }
    const headers = allowedOf(received.headers, maskFor(received, parsed));
    return new Response(parsed === undefined ? null : text, { status, headers });
  }
  const { body } = apiError(received, request);
  const headers = allowedOf(received.headers, maskFor(received));
  return new Response(body === undefined ? null : JSON.stringify(body), { status, headers });
}
