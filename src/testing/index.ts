// `@hsrcpay/client/testing`: an in-process mock of the whole spec, for the tests of code built on
// the client. It is a `fetch`: no server, no port, no other process, so it runs wherever the client
// runs. What it knows comes from the spec, generated: each operation's path, where its params go and
// the checks they must pass (generated/operations.ts, the client's own), and each declared status
// with its example (generated/responses.ts, which only this entry imports).
import { answers, operations } from "../../generated/operations.js";
import { responses } from "../../generated/responses.js";
import { HsrcpayValidationError } from "../errors/validation-error.js";
import { check, type Rule } from "../internal/checks.js";
import { maskToken } from "../internal/credentials.js";
import { answerRefusal, type Described } from "../internal/operation.js";

/** One scripted answer of an operation. */
export interface MockOutcome {
  /** A declared status answers with its example; any other with the `default` response's. */
  status?: number | undefined;
  /** The body to send instead of the example (an object is sent as JSON, a string as it is). */
  body?: unknown | undefined;
  /** Extra response headers. */
  headers?: Record<string, string> | undefined;
  /** Milliseconds before answering; the request's signal (the client's timeout) cuts it short. */
  delayMs?: number | undefined;
  /** No answer at all: `fetch` rejects as it does when the connection fails. */
  network?: "reset" | undefined;
  /** A 307 to this URL (the client never follows one). */
  redirect?: string | undefined;
  /** Answers the request itself, with a Response or an outcome. */
  handler?:
    | ((call: MockCall) => Response | MockOutcome | Promise<Response | MockOutcome>)
    | undefined;
}

/** A request as the server saw it. */
export interface MockCall {
  /** The spec's operation it matched; `undefined` for a path the spec does not have. */
  operationId: string | undefined;
  /** Upper case, `POST`. */
  method: string;
  /** The path after the base URL, as sent (`/api-keys/key%2F1`). */
  path: string;
  /** The query parameters as sent (strings: `{ page: "2" }`). */
  query: Record<string, string>;
  /** Lower-case names; the bearer credential masked. */
  headers: Record<string, string>;
  /** The JSON body, parsed; `undefined` without one. */
  body: unknown;
}

/** A request the spec does not allow, and what is wrong with it. */
export interface MockViolation {
  /** The operation the request was for, when its path and method are in the spec. */
  operationId: string | undefined;
  method: string;
  /** The path after the base URL. */
  path: string;
  /** The field at fault (`payment_method.data.cvv`), or what the request lacks (`authorization`). */
  field: string;
  /** What is wrong, in the client's own words (`must be a whole number`). */
  problem: string;
}

/** Options of `createHsrcpayMock`. */
export interface HsrcpayMockOptions {
  /**
   * The base URL the client is given (its default is HSRCPAY's): the mock answers paths under it.
   * @default "https://api.hsrcpay.com/v1"
   */
  baseUrl?: string | undefined;
}

/** The in-process HSRCPAY: its `fetch`, what it saw, and how to script it. */
export interface HsrcpayMock {
  /** Pass it to `createHsrcpayClient({ fetch: mock.fetch })`. */
  readonly fetch: typeof fetch;
  /** Every request, in order. */
  readonly calls: readonly MockCall[];
  /**
   * Every request the spec does not allow, each answered with HSRCPAY's error envelope naming the
   * field: 422 for a param or body field, 400, 401, 404 or 415 for what the request lacks.
   */
  readonly violations: readonly MockViolation[];
  /**
   * Scripts an operation's next answers, one per request, in order; when they are used up it
   * answers its documented success again. `on("confirmPayment", [{ status: 503 }, { status: 200 }])`.
   */
  on(operationId: string, outcomes: MockOutcome | readonly MockOutcome[]): HsrcpayMock;
  /** The items a list operation answers, paginated by `page` and `limit` as HSRCPAY does. */
  seed(operationId: string, items: readonly unknown[]): HsrcpayMock;
  /** Throws an Error listing every violation, if there is one: "my code sends what the API accepts". */
  assertNoViolations(): void;
  /** Forgets the calls, violations, scripts and seeds. */
  reset(): void;
}

interface Route {
  key: string;
  operationId: string;
  method: string;
  segments: string[];
  operation: Described;
  bodyRequired: boolean;
  statuses: Readonly<Record<string, unknown>>;
}

const routes: Route[] = Object.entries(operations as Record<string, Described>).map(
  ([key, operation]) => {
    const [method = "", path = ""] = key.split(" ");
    const declared = responses[key];
    if (!declared) throw new Error(`generated/responses.ts has no ${key}: run npm run generate`);
    return {
      key,
      operationId: declared.operationId,
      method,
      segments: path.split("/"),
      operation,
      bodyRequired: declared.bodyRequired,
      statuses: declared.statuses,
    };
  },
);
const operationIds = new Set(routes.map((route) => route.operationId));

/** The route and its path parameters (decoded), for a method and a path under the base. */
function routeOf(method: string, path: string) {
  const segments = path.split("/");
  for (const route of routes) {
    if (route.method !== method || route.segments.length !== segments.length) continue;
    const params: Record<string, string> = {};
    const fits = route.segments.every((template, index) => {
      const segment = segments[index] as string;
      const name = /^\{(.+)\}$/.exec(template)?.[1];
      if (name === undefined) return template === segment;
      let value = segment;
      try {
        value = decodeURIComponent(segment);
      } catch {}
      params[name] = value;
      // A template left unfilled (`{id}` sent as it is) is not an id.
      return segment !== "" && !/^\{.*\}$/.test(value);
    });
    if (fits) return { route, params };
  }
  return undefined;
}

/** A query value as the spec types it (`limit=10` is the number 10), or the string as sent. */
function queryValue(text: string, rule: Rule | undefined): unknown {
  const types = typeof rule?.type === "string" ? [rule.type] : (rule?.type ?? []);
  if (types.includes("boolean") && (text === "true" || text === "false")) return text === "true";
  if ((types.includes("integer") || types.includes("number")) && /^-?\d+(\.\d+)?$/.test(text)) {
    return Number(text);
  }
  return text;
}

/** Statuses a Response carries no body with. */
const bodiless = new Set([204, 205, 304]);

/** A status a Response can carry: 200 to 599 (a fetch never resolves with another). */
const isAnswerStatus = (status: unknown) =>
  Number.isInteger(status) && (status as number) >= 200 && (status as number) <= 599;

/** An answer; `extra` headers replace the mock's own whatever their case (`X-Request-Id`). */
function json(
  status: number,
  body: unknown,
  own: Record<string, string>,
  extra: Record<string, string> = {},
): Response {
  const headers = new Headers({ "content-type": "application/json", ...own });
  for (const [name, value] of Object.entries(extra)) headers.set(name, String(value));
  const text = typeof body === "string" ? body : JSON.stringify(body);
  return new Response(bodiless.has(status) ? null : text, { status, headers });
}

const errorEnvelope = (code: number, message: string, details: Record<string, unknown> = {}) => ({
  message,
  success: false,
  error: { code, message, details },
});

function abortError(signal: AbortSignal | null | undefined): unknown {
  return signal?.reason ?? new DOMException("The operation was aborted.", "AbortError");
}

function wait(ms: number, signal: AbortSignal | null | undefined): Promise<void> {
  return new Promise((resolve, reject) => {
    if (signal?.aborted) return reject(abortError(signal));
    const timer = setTimeout(() => {
      signal?.removeEventListener("abort", stop);
      resolve();
    }, ms);
    const stop = () => {
      clearTimeout(timer);
      reject(abortError(signal));
    };
    signal?.addEventListener("abort", stop, { once: true });
  });
}

const outcomeFields = ["status", "body", "headers", "delayMs", "network", "redirect", "handler"];

/**
 * A scripted outcome a Response can answer: its status from 200 to 599, and no field it does not
 * know (`{ statuss: 503 }` ignored would pass the test without the failure it meant).
 */
function checkOutcome(outcome: MockOutcome): MockOutcome {
  if (typeof outcome !== "object" || outcome === null) {
    throw new TypeError("a scripted outcome must be an object");
  }
  for (const name of Object.keys(outcome)) {
    if (!outcomeFields.includes(name)) {
      throw new TypeError(
        `a scripted outcome has no field "${name}" (the fields are ${outcomeFields.join(", ")})`,
      );
    }
  }
  if (outcome.status !== undefined && !isAnswerStatus(outcome.status)) {
    throw new TypeError(`a scripted status must be from 200 to 599, not ${outcome.status}`);
  }
  if (outcome.network !== undefined && outcome.network !== "reset") {
    throw new TypeError(
      `a scripted network failure must be "reset", not ${String(outcome.network)}`,
    );
  }
  return outcome;
}

/** The request's body as text: from `init`, or from a `Request` given as the input. */
async function bodyText(request: Request | undefined, init: RequestInit): Promise<string> {
  if (typeof init.body === "string") return init.body;
  if (init.body !== undefined && init.body !== null) return new Response(init.body).text();
  return request?.body ? request.clone().text() : "";
}

/**
 * An in-process HSRCPAY for tests. Every operation of the spec answers its documented success by
 * default; requests are checked against the spec (path, params, body, the bearer credential, an
 * Idempotency-Key on writes), and answers can be scripted per operationId. `Prefer: code=409`
 * answers that status's example, as the Prism mock does.
 */
export function createHsrcpayMock(options: HsrcpayMockOptions = {}): HsrcpayMock {
  const base = new URL(options.baseUrl ?? "https://api.hsrcpay.com/v1");
  const basePath = base.pathname.replace(/\/+$/, "");
  const calls: MockCall[] = [];
  const violations: MockViolation[] = [];
  const scripts = new Map<string, MockOutcome[]>();
  const seeds = new Map<string, readonly unknown[]>();
  let requestCount = 0;
  const requestId = () => ({ "x-request-id": `req_mock_${++requestCount}` });

  // A test's own mistake, not an API's answer: a TypeError, which is the same class in every entry
  // and module format (the CommonJS build of this entry has its own copy of the client's errors).
  const routeFor = (operationId: string) => {
    const route = routes.find((candidate) => candidate.operationId === operationId);
    if (!route) {
      throw new TypeError(
        `${operationId} is not an operation of the spec (${[...operationIds].join(", ")})`,
      );
    }
    return route;
  };

  /** The documented answer of `status` (the `default` response's for an undeclared one). */
  const example = (route: Route, status: number) =>
    route.statuses[String(status)] ??
    route.statuses.default ??
    errorEnvelope(status, `HTTP ${status}`);

  /** The success answer of a list seeded with items: one page of them, with HSRCPAY's numbers. */
  const seeded = (route: Route, call: MockCall, items: readonly unknown[]) => {
    if (route.operation.kind !== "page") {
      return { message: "success", success: true, data: items };
    }
    const page = Math.max(1, Number(call.query.page ?? 1) || 1);
    const limit = Math.max(1, Number(call.query.limit ?? 10) || 10);
    return {
      message: "success",
      success: true,
      data: items.slice((page - 1) * limit, page * limit),
      total: items.length,
      page,
      limit,
      pages: Math.ceil(items.length / limit),
    };
  };

  /** Records a violation and answers it with HSRCPAY's error envelope naming the field. */
  const refuse = (call: MockCall, status: number, field: string, problem: string) => {
    const { operationId, method, path } = call;
    violations.push({ operationId, method, path, field, problem });
    return json(status, errorEnvelope(status, `${field} ${problem}`, { field }), requestId());
  };

  const answer = async (
    route: Route,
    call: MockCall,
    outcome: MockOutcome,
    signal: AbortSignal | null | undefined,
  ): Promise<Response> => {
    if (signal?.aborted) throw abortError(signal);
    if (outcome.delayMs !== undefined) await wait(outcome.delayMs, signal);
    if (outcome.handler) {
      let handled: Response | MockOutcome;
      try {
        handled = await outcome.handler(call);
      } catch (error) {
        // A failed expectation inside a handler fails the call, once: a thrown error taken for a
        // dropped connection would be retried into the documented success.
        const message = error instanceof Error ? error.message : String(error);
        return refuse(call, 400, "handler", `threw: ${message}`);
      }
      return handled instanceof Response
        ? handled
        : answer(route, call, { ...checkOutcome(handled), handler: undefined }, signal);
    }
    if (outcome.network) throw new TypeError("fetch failed (the mock dropped the connection)");
    if (outcome.redirect !== undefined) {
      return json(307, "", { ...requestId(), location: outcome.redirect }, outcome.headers);
    }
    const success = Object.keys(route.statuses).filter((status) => /^2\d\d$/.test(status));
    const status = outcome.status ?? Number(success.includes("201") ? 201 : (success[0] ?? 200));
    const seed = seeds.get(route.operationId);
    const body =
      outcome.body !== undefined
        ? outcome.body
        : seed !== undefined && status < 300
          ? seeded(route, call, seed)
          : example(route, status);
    return json(status, body, requestId(), outcome.headers);
  };

  /** The request checked against the spec: the refusal, or the params it carries. */
  const checkRequest = (
    route: Route,
    call: MockCall,
    params: Record<string, string>,
    url: URL,
    raw: Headers,
    text: string,
  ) => {
    // RFC 9110 §11.1: the scheme is case-insensitive; RFC 6750: one or more spaces before the token.
    if (!/^bearer +\S+$/i.test(raw.get("authorization") ?? "")) {
      return refuse(call, 401, "authorization", "must be a bearer credential");
    }
    if (call.method !== "GET" && !raw.get("idempotency-key")) {
      return refuse(call, 400, "idempotency-key", "must be sent on every write");
    }
    if (call.method === "GET" && text !== "") {
      return refuse(call, 400, "body", "is not allowed on a GET");
    }
    if (text === "" && route.bodyRequired) {
      return refuse(call, 422, "body", `is required by ${route.key}`);
    }
    const contentType = raw.get("content-type") ?? "";
    if (text !== "" && !/^application\/(?:[\w.+-]+\+)?json\s*(?:;|$)/i.test(contentType)) {
      return refuse(call, 415, "content-type", "must be application/json");
    }
    const { params: rule, path = [], query = [] } = route.operation;
    const placeOf = (name: string) =>
      query.includes(name)
        ? "query"
        : path.includes(name)
          ? "path"
          : Object.hasOwn(rule.properties ?? {}, name)
            ? "body"
            : undefined;
    const operation = route.key;
    const given: Record<string, unknown> = { ...params };
    for (const name of new Set(url.searchParams.keys())) {
      if (url.searchParams.getAll(name).length > 1) {
        return refuse(call, 422, name, "is sent more than once (no query parameter is a list)");
      }
      const place = placeOf(name);
      if (place !== undefined && place !== "query") {
        return refuse(call, 422, name, `is not a query parameter of ${operation}`);
      }
      given[name] = queryValue(call.query[name] as string, rule.properties?.[name]);
    }
    const { body } = call;
    if (body !== undefined) {
      if (typeof body !== "object" || body === null || Array.isArray(body)) {
        return refuse(call, 400, "body", "must be a JSON object");
      }
      for (const [name, value] of Object.entries(body)) {
        if (placeOf(name) !== "body")
          return refuse(call, 422, name, `is not a body field of ${operation}`);
        given[name] = value;
      }
    }
    try {
      check(given, rule, "", operation);
    } catch (error) {
      if (!(error instanceof HsrcpayValidationError)) throw error;
      return refuse(call, 422, error.field, error.message.slice(error.field.length + 1));
    }
    return undefined;
  };

  const mockFetch = async (input: RequestInfo | URL, init: RequestInit = {}) => {
    const request = input instanceof Request ? input : undefined;
    const url = new URL(request?.url ?? String(input));
    const method = (init.method ?? request?.method ?? "GET").toUpperCase();
    const raw = new Headers(init.headers ?? request?.headers);
    const headers: Record<string, string> = {};
    raw.forEach((value, name) => {
      headers[name] = name === "authorization" ? value.replace(/\S+$/, (t) => maskToken(t)) : value;
    });
    const text = await bodyText(request, init);
    let body: unknown;
    try {
      body = text === "" ? undefined : JSON.parse(text);
    } catch {
      body = text;
    }
    const path = url.pathname.startsWith(basePath) ? url.pathname.slice(basePath.length) : "";
    const query = Object.fromEntries(url.searchParams);
    const found = url.origin === base.origin ? routeOf(method, path) : undefined;
    const operationId = found?.route.operationId;
    const call: MockCall = { operationId, method, path, query, headers, body };
    calls.push(call);
    if (!found) {
      return refuse(call, 404, `${method} ${url.pathname}`, "is not an operation of the spec");
    }
    const { route } = found;
    const refused = checkRequest(route, call, found.params, url, raw, text);
    if (refused) return refused;
    const prefer = /(?:^|[\s,;])code=(\d+)(?![\w.])/.exec(raw.get("prefer") ?? "")?.[1];
    if (prefer !== undefined && !isAnswerStatus(Number(prefer))) {
      return refuse(call, 400, "prefer", "code must be a status from 200 to 599");
    }
    const scripted = scripts.get(route.operationId)?.shift();
    const outcome = scripted ?? (prefer ? { status: Number(prefer) } : {});
    return answer(route, call, outcome, init.signal ?? request?.signal);
  };

  const mock: HsrcpayMock = {
    fetch: mockFetch as typeof fetch,
    calls,
    violations,
    on(operationId, outcomes) {
      routeFor(operationId);
      const list = Array.isArray(outcomes) ? outcomes : [outcomes as MockOutcome];
      scripts.set(operationId, [...(scripts.get(operationId) ?? []), ...list.map(checkOutcome)]);
      return mock;
    },
    seed(operationId, items) {
      const route = routeFor(operationId);
      if (route.operation.kind !== "page" && route.operation.kind !== "list") {
        throw new TypeError(`${operationId} is not a list operation`);
      }
      // An item names the fields a test cares about; the rest come from the spec's example item.
      const documented = route.statuses["200"] as { data?: unknown[] } | null | undefined;
      const template = documented?.data?.[0];
      const completed = items.map((item, index) => {
        const full =
          typeof item === "object" && item !== null && !Array.isArray(item)
            ? { ...(template as object), ...item }
            : item;
        const refusal = answerRefusal(full, answers[route.key] ?? "");
        if (refusal !== undefined) {
          throw new TypeError(
            `seed("${operationId}") item ${index} is not what the client reads as one: ${refusal}`,
          );
        }
        return full;
      });
      seeds.set(operationId, completed);
      return mock;
    },
    assertNoViolations() {
      if (violations.length === 0) return;
      const lines = violations.map(
        (v) =>
          `- ${v.operationId ?? "(no operation)"} ${v.method} ${v.path}: ${v.field} ${v.problem}`,
      );
      throw new Error(
        `The code under test sent what the spec does not allow:\n${lines.join("\n")}`,
      );
    },
    reset() {
      requestCount = 0;
      calls.length = 0;
      violations.length = 0;
      scripts.clear();
      seeds.clear();
    },
  };
  return mock;
}
