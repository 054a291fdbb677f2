// `@hsrcpay/client/testing`: an in-process mock of the whole spec, for the tests of code built on
// the client. It is a `fetch`: no server, no port, no other process, so it runs wherever the client
// runs. What it knows comes from the spec, generated: each operation's path, where its params go and
// the checks they must pass (generated/operations.ts, the client's own), each declared status with
// its named examples and the client's method names (generated/responses.ts, which only this entry
// imports). In stateful mode it keeps what a test creates (state.ts).
import { answers } from "../../generated/operations.js";
import type { MockOperationId } from "../../generated/responses.js";
import type { operations as operationTypes } from "../../generated/schema.js";
import { snapshot } from "../internal/checks.js";
import { maskToken } from "../internal/credentials.js";
import { answerRefusal } from "../internal/operation.js";
import type { MockCall } from "./call.js";
import { collections, isItem } from "./collections.js";
import { abortError, bodyText, errorEnvelope, isAnswerStatus, json, wait } from "./http.js";
import {
  type Checked,
  checkOutcome,
  describeOutcome,
  type MockOutcome,
  type OperationOf,
} from "./outcomes.js";
import { checkRequest } from "./request.js";
import {
  defaultStatus,
  examplesOf,
  type MockName,
  type Route,
  routeNamed,
  routeOf,
} from "./routes.js";
import { createState } from "./state.js";

export type {
  MockExamples,
  MockMethodName,
  MockMethods,
  MockOperationId,
} from "../../generated/responses.js";
export type { MockCall } from "./call.js";
export type {
  MockErrorStatus,
  MockHandled,
  MockOutcome,
  MockOutcomeOptions,
  MockOwnAnswer,
  MockSpecAnswer,
  OperationOf,
} from "./outcomes.js";
export type { MockName } from "./routes.js";

/** A request the spec does not allow, and what is wrong with it. */
export interface MockViolation {
  /** The operation the request was for, when its path and method are in the spec. */
  operationId: MockOperationId | undefined;
  /** Upper case, `POST`. */
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
  /**
   * Keep what the test creates: a create mints an id and the item can be retrieved, listed,
   * updated and deleted (404 after); confirm moves a payment by the sandbox rules and leaves a
   * charge; a reused Idempotency-Key replays its first answer, or answers 409 for another request.
   * Scripted outcomes and `Prefer` answer first.
   * @default false
   */
  stateful?: boolean | undefined;
}

type ListItem<O> = O extends keyof operationTypes
  ? operationTypes[O]["responses"] extends {
      200: { content: { "application/json": { data?: infer D } } };
    }
    ? NonNullable<D> extends readonly (infer I)[]
      ? I
      : never
    : never
  : never;

/** The names of list operations (`listCharges`, `"charges.list"`): those `seed` fills. */
export type MockListName = {
  [N in MockName]: [ListItem<OperationOf<N>>] extends [never] ? never : N;
}[MockName];

/**
 * A seeded item: the fields a test cares about, the rest from the spec's example item. A string
 * field takes any string: a value this version does not know is how a test plays a newer HSRCPAY.
 */
export type MockSeed<N extends MockListName> = {
  [K in keyof ListItem<OperationOf<N>>]?: AnyString<ListItem<OperationOf<N>>[K]>;
};
type AnyString<T> = T extends string ? string : T;

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
   * answers as before. The operation by operationId or by the client's method name:
   * `on("payments.confirm", [{ status: 503 }, { example: "declined" }])`.
   */
  on<N extends MockName>(
    name: N,
    outcomes: MockOutcome<N> | readonly MockOutcome<N>[],
  ): HsrcpayMock;
  /**
   * The items a list operation answers, paginated by `page` and `limit` as HSRCPAY does, each
   * completed from the spec's example item. In stateful mode they join the state (a seeded
   * customer can be retrieved).
   */
  seed<N extends MockListName>(name: N, items: readonly MockSeed<N>[]): HsrcpayMock;
  /** Throws an Error listing every violation, if there is one: "my code sends what the API accepts". */
  assertNoViolations(): void;
  /**
   * Throws an Error naming each scripted outcome that was never answered (the operation, the name
   * the test used, the outcome): a test whose code took another path than it meant fails.
   */
  assertDone(): void;
  /** Forgets the calls, violations, scripts, seeds and state. */
  reset(): void;
}

/** A scripted outcome waiting for its request, with the name the test gave its operation. */
interface Scripted extends Checked {
  name: string;
}

/**
 * An in-process HSRCPAY for tests. Every operation of the spec answers its documented success by
 * default; requests are checked against the spec (path, params, body, the bearer credential, an
 * Idempotency-Key on writes), and answers can be scripted per operationId or method name.
 * `Prefer: code=409` answers that status's example, as the Prism mock does.
 */
export function createHsrcpayMock(options: HsrcpayMockOptions = {}): HsrcpayMock {
  const base = new URL(options.baseUrl ?? "https://api.hsrcpay.com/v1");
  const basePath = base.pathname.replace(/\/+$/, "");
  const state = options.stateful === true ? createState() : undefined;
  const calls: MockCall[] = [];
  const violations: MockViolation[] = [];
  const scripts = new Map<string, Scripted[]>();
  const seeds = new Map<string, readonly unknown[]>();
  let requestCount = 0;
  const requestId = () => ({ "x-request-id": `req_mock_${++requestCount}` });

  /** The documented answer of `status` (the `default` response's for an undeclared one). */
  const example = (route: Route, status: number, name?: string) => {
    const examples = examplesOf(route, status) ?? {};
    return (
      (name === undefined ? Object.values(examples)[0] : examples[name]) ??
      errorEnvelope(status, `HTTP ${status}`)
    );
  };

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
    checked: Checked,
    signal: AbortSignal | null | undefined,
  ): Promise<Response> => {
    const outcome = checked.outcome as MockOutcome & Record<string, unknown>;
    if (signal?.aborted) throw abortError(signal);
    if (outcome.delayMs !== undefined) await wait(outcome.delayMs, signal);
    if (outcome.handler) {
      let handled: unknown;
      try {
        handled = await outcome.handler(call);
      } catch (error) {
        // A failed expectation inside a handler fails the call, once: a thrown error taken for a
        // dropped connection would be retried into the documented success.
        const message = error instanceof Error ? error.message : String(error);
        return refuse(call, 400, "handler", `threw: ${message}`);
      }
      if (handled instanceof Response) return handled;
      let again: Checked;
      try {
        again = checkOutcome(route, route.operationId, {
          ...(handled as object),
          handler: undefined,
        });
      } catch (error) {
        return refuse(call, 400, "handler", `answered ${(error as Error).message}`);
      }
      return answer(route, call, again, signal);
    }
    if (outcome.network) throw new TypeError("fetch failed (the mock dropped the connection)");
    if (outcome.redirect !== undefined) {
      return json(307, "", { ...requestId(), location: outcome.redirect }, outcome.headers);
    }
    const status = checked.status ?? defaultStatus(route);
    const seed = seeds.get(route.key);
    const body =
      outcome.body !== undefined
        ? outcome.body
        : seed !== undefined && status < 300 && checked.example === undefined
          ? seeded(route, call, seed)
          : example(route, status, checked.example);
    // A success that is not an envelope (a one-time link's text) goes as the spec's text/plain.
    const text = route.operation.kind === "content" && status < 300 && outcome.body === undefined;
    const own = text
      ? { ...requestId(), "content-type": "text/plain; charset=utf-8" }
      : requestId();
    return json(status, body, own, outcome.headers);
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
    if (refused) return refuse(call, refused.status, refused.field, refused.problem);
    const prefer = /(?:^|[\s,;])code=(\d+)(?![\w.])/.exec(raw.get("prefer") ?? "")?.[1];
    if (prefer !== undefined && !isAnswerStatus(Number(prefer))) {
      return refuse(call, 400, "prefer", "code must be a status from 200 to 599");
    }
    const signal = init.signal ?? request?.signal;
    // A scripted outcome answers first, then Prefer, then the state, then the documented success.
    const scripted = scripts.get(route.key)?.shift();
    if (scripted) return answer(route, call, scripted, signal);
    if (prefer) return answer(route, call, { outcome: {}, status: Number(prefer) }, signal);
    if (signal?.aborted) throw abortError(signal);
    const kept = state?.handle(route, call, found.params, ({ status, body }) =>
      json(status, body, requestId()),
    );
    return kept ?? answer(route, call, { outcome: {} }, signal);
  };

  const mock: HsrcpayMock = {
    fetch: mockFetch as typeof fetch,
    calls,
    violations,
    on(name, outcomes) {
      const route = routeNamed(name, "on");
      const list: unknown[] = Array.isArray(outcomes) ? outcomes : [outcomes];
      // Every outcome checked before any is kept: a refused sequence scripts nothing.
      const checked = list.map((outcome) => ({ ...checkOutcome(route, name, outcome), name }));
      scripts.set(route.key, [...(scripts.get(route.key) ?? []), ...checked]);
      return mock;
    },
    seed(name, items) {
      const route = routeNamed(name, "seed");
      if (route.operation.kind !== "page" && route.operation.kind !== "list") {
        throw new TypeError(`seed: ${name} is not a list operation`);
      }
      // An item names the fields a test cares about; the rest come from the spec's example item.
      const documented = Object.values(route.examples["200"] ?? {})[0] as
        | { data?: unknown[] }
        | undefined;
      const template = documented?.data?.[0];
      const prefix = collections.get(route.path)?.prefix ?? "";
      const ids = new Set<unknown>();
      const completed = (items as readonly unknown[]).map((given, index) => {
        // Plain JSON data, copied once: a cycle, a bottomless Proxy or a getter that throws is
        // refused here, naming where, not later as a connection that failed.
        let item = given;
        try {
          if (typeof given === "object" && given !== null) item = snapshot(given);
        } catch (error) {
          const why = error instanceof Error ? error.message : String(error);
          throw new TypeError(`seed("${name}") item ${index} cannot be sent: ${why}`);
        }
        // An item without an id gets its own: the client tells items apart by id.
        const mint = () =>
          state ? state.idFor(route) : `${prefix}seed${String(index + 1).padStart(8, "0")}`;
        const own = isItem(item) && !Object.hasOwn(item, "id") ? { id: mint() } : {};
        const full = isItem(item) ? { ...(template as object), ...own, ...item } : item;
        const itemId = isItem(full) ? full.id : undefined;
        if (ids.has(itemId)) {
          throw new TypeError(
            `seed("${name}") item ${index} repeats the id ${JSON.stringify(itemId)}`,
          );
        }
        ids.add(itemId);
        const refusal = answerRefusal(full, answers[route.key] ?? "");
        if (refusal !== undefined) {
          throw new TypeError(
            `seed("${name}") item ${index} is not what the client reads as one: ${refusal}`,
          );
        }
        return full;
      });
      if (state) for (const item of completed) state.seed(route, item as Record<string, unknown>);
      else seeds.set(route.key, completed);
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
    assertDone() {
      const left = [...scripts.entries()].flatMap(([key, outcomes]) =>
        outcomes.map(
          (scripted) => `- ${scripted.name} (${key}): ${describeOutcome(scripted.outcome)}`,
        ),
      );
      if (left.length === 0) return;
      throw new Error(
        `${left.length} scripted outcome${left.length === 1 ? " was" : "s were"} never answered:\n${left.join("\n")}`,
      );
    },
    reset() {
      requestCount = 0;
      calls.length = 0;
      violations.length = 0;
      scripts.clear();
      seeds.clear();
      state?.reset();
    },
  };
  return mock;
}
