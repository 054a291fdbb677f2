// The one operation helper: a resource method names its method and path once, and everything else
// comes from the spec. The compiler checks the path against the spec's paths (openapi-fetch's own
// ClientPathsWithMethod) and the params against the operation's query, path and body types; at run
// time the generated table (generated/operations.ts) says where each param goes, what to check
// before sending, and what kind of answer to expect: one object, a paginated or an unpaginated list,
// or a delete.
import type { ClientPathsWithMethod } from "openapi-fetch";
import { type Answer, answers, operations } from "../../generated/operations.js";
import type { paths } from "../../generated/schema.js";
import { HsrcpayError } from "../errors/hsrcpay-error.js";
import { HsrcpayRedirectError } from "../errors/redirect-error.js";
import { HsrcpayValidationError } from "../errors/validation-error.js";
import {
  invalidResponse,
  isObject,
  maskFor,
  metaOf,
  type Received,
  type RequestSummary,
  type ResponseMeta,
  readContent,
  readData,
  readDeleted,
  redirectMeta,
} from "./answer.js";
import { check, patternOf, type Rule, setOwn, snapshot } from "./checks.js";
import { checkSegment } from "./guards.js";
import type { Reporter } from "./log.js";
import { mayHoldSecrets, secretValues } from "./mask.js";
import { checkRequestOptions, type RequestOptions } from "./options.js";
import { type PageContent, type PagePromise, pagePromise } from "./pagination.js";
import type { Api, Sender } from "./typed-api.js";

export type Method = "get" | "post" | "put" | "delete" | "patch";
type Table = typeof operations;
type Key<M extends Method, P> = `${Uppercase<M>} ${P & string}`;
type Operation<M extends Method, P extends keyof paths> = NonNullable<paths[P][M]>;

/** `{}` for what an operation does not have (openapi-typescript writes `never` or leaves it out). */
type Part<T> = [NonNullable<T>] extends [never] ? unknown : NonNullable<T>;
type Query<O> = O extends { parameters: { query?: infer Q } } ? Part<Q> : unknown;
type PathParams<O> = O extends { parameters: { path?: infer Q } } ? Part<Q> : unknown;
type Body<O> = O extends { requestBody?: { content: { "application/json": infer B } } }
  ? Part<B>
  : unknown;

/** An operation's query, path and body fields in one object, under their wire names. */
export type Params<M extends Method, P extends keyof paths> = Query<Operation<M, P>> &
  PathParams<Operation<M, P>> &
  Body<Operation<M, P>>;

type Success<O> = O extends { responses: infer R }
  ? {
      [S in keyof R]: S extends 200 | 201 ? R[S] : never;
    }[keyof R] extends infer Response
    ? Response extends { content: { "application/json": infer Json } }
      ? Json
      : never
    : never
  : never;
type Data<O> = Success<O> extends { data?: infer D } ? D : never;
/** The data with the spec's optional wrapper taken off (`Payment | { payment: Payment }` → `Payment`). */
type Unwrapped<D, M extends Method, P> = Table[Key<M, P> & keyof Table] extends {
  unwrap: infer U extends string;
}
  ? D extends { [K in U]: infer Inner }
    ? Inner
    : D
  : D;

/** What a result carries besides its data, on a non-enumerable `lastResponse`. */
export type WithMeta<T> = T & { readonly lastResponse: ResponseMeta };

/** A call given no params: `Embedded`'s default, which embeds nothing. */
export type NoParams = Record<never, never>;

/** The fields of `T` that an `include_<field>` flag of `Params` embeds (`charges`). */
type Embeddable<T, Params> = {
  [K in keyof T & string]: `include_${K}` extends keyof Params ? K : never;
}[keyof T & string];
/** What the call's params (`Given`) set the `include_<field>` flag of a field to. */
type FlagOf<Given, K extends string> = `include_${K}` extends keyof Given
  ? Given[`include_${K}` & keyof Given]
  : undefined;

/**
 * `T` as a call with these params answers it: a field an `include_*` flag embeds is present with
 * `include_<field>: true`, absent without the flag (or with `false`), and optional when the flag is
 * only known to be a boolean. `retrieve(id, { include_charges: true })` has `charges`.
 */
export type Embedded<T, Params, Given> = Omit<T, Embeddable<T, Params>> & {
  [K in Embeddable<T, Params> as FlagOf<Given, K> extends true ? K : never]-?: Exclude<
    T[K],
    undefined
  >;
} & {
  [K in Embeddable<T, Params> as true extends FlagOf<Given, K>
    ? FlagOf<Given, K> extends true
      ? never
      : K
    : never]?: T[K];
};

/** What a delete resolves to; `lastResponse.status` is 404 when the object was already gone. */
export interface Deleted {
  readonly id: string;
  readonly deleted: true;
  readonly lastResponse: ResponseMeta;
}

/**
 * What a call whose answer is not an envelope (consuming a one-time link) resolves to: the body
 * that arrived, or the redirect, never followed. `text` is the data asked for, as it came, up to
 * the client's `maxResponseBytes` (past it, `HsrcpayResponseTooLargeError`); `location` is the
 * `Location`'s origin only, as on `HsrcpayRedirectError` (`undefined` when relative or hidden).
 */
export type Consumed =
  | {
      readonly kind: "content";
      readonly status: number;
      /** The allow-listed `content-type` (`text/html; charset=utf-8`), when the server sent one. */
      readonly contentType: string | undefined;
      readonly text: string;
      readonly lastResponse: ResponseMeta;
    }
  | {
      readonly kind: "redirect";
      /** The 3xx; 0 where a browser hides it (an opaque redirect). */
      readonly status: number;
      readonly location: string | undefined;
      readonly lastResponse: ResponseMeta;
    };

/** What a call of this method and path resolves to, by the kind the spec gives it. */
export type Result<M extends Method, P extends keyof paths> = Table[Key<M, P> &
  keyof Table]["kind"] extends "content"
  ? Promise<Consumed>
  : Table[Key<M, P> & keyof Table]["kind"] extends "page" | "list"
    ? PagePromise<NonNullable<Data<Operation<M, P>>> extends (infer Item)[] ? Item : never>
    : Table[Key<M, P> & keyof Table]["kind"] extends "deleted"
      ? Promise<Deleted>
      : Promise<WithMeta<Unwrapped<NonNullable<Data<Operation<M, P>>>, M, P>>>;

/** Per-call options of a read: no Idempotency-Key, a GET is idempotent by itself. */
export type ReadOptions = Omit<RequestOptions, "idempotencyKey">;

type PathOf<M extends Method, P extends keyof paths> = PathParams<Operation<M, P>>;

/**
 * An operation with path parameters takes them apart from the caller's params (`update(id,
 * params)`), so that the params object is read only by the checks: spreading it into one object
 * would read its getters before anything could refuse it.
 */
type PathArgs<M extends Method, P extends keyof paths> = [keyof PathOf<M, P>] extends [never]
  ? [options?: RequestOptions]
  : [options: RequestOptions | undefined, path: PathOf<M, P>];

export type Call = <M extends Method, P extends ClientPathsWithMethod<Api, M> & keyof paths>(
  method: M,
  path: P,
  params: Omit<Params<M, P>, keyof PathOf<M, P>>,
  ...rest: PathArgs<M, P>
) => Result<M, P>;

/** What the generated table says of one operation (generated/operations.ts). */
export interface Described {
  readonly kind: string;
  /** The path and the query parameters, by name; every other param is a field of the body. */
  readonly path?: readonly string[];
  readonly query?: readonly string[];
  readonly params: Rule;
  /** The field the data may arrive wrapped in, where HSRCPAY's pages disagree (`{ payment }`). */
  readonly unwrap?: string;
  /** A paginated list that may come whole, without its pagination numbers (routing plans). */
  readonly unpaged?: boolean;
}

/**
 * The params split by where they go, checked; and the body's JSON, checked to encode. `pathParams`
 * come from the method's own arguments; the same name among the params is refused, not dropped.
 */
function prepare(
  operation: Described,
  /** `POST /payments/{id}/confirm`: the operation, as refusals name it. */
  label: string,
  given: unknown,
  pathParams: Record<string, unknown>,
) {
  const params = snapshot(given);
  for (const name of Object.keys(pathParams)) {
    if (Object.hasOwn(params, name)) {
      throw new HsrcpayValidationError(name, "is the method's own argument, not a field of params");
    }
    Object.defineProperty(params, name, { value: pathParams[name], enumerable: true });
  }
  // Own properties only, read (the snapshot's) or written (setOwn): nothing on `Object.prototype`
  // reaches the request, and a `__proto__` field stays a field.
  const parts: Record<"path" | "query" | "body", Record<string, unknown>> = {
    path: {},
    query: {},
    body: {},
  };
  const { path = [], query = [] } = operation;
  // Path segments first, so that an id gets the segment guard's words rather than a pattern's.
  for (const name of path) {
    const value = Object.hasOwn(params, name) ? params[name] : undefined;
    checkSegment(value, name, `the ${name} of ${label}`);
  }
  check(params, operation.params, "", label);
  for (const name of Object.keys(params)) {
    const value = params[name];
    if (value !== undefined)
      setOwn(
        path.includes(name) ? parts.path : query.includes(name) ? parts.query : parts.body,
        name,
        value,
      );
  }
  // The values of the body's secret fields, masked in everything but the data.
  // A body when some param is neither a path nor a query parameter.
  const fields = Object.keys(operation.params.properties ?? {}).length;
  const json = fields > path.length + query.length ? encode(parts.body) : undefined;
  const secrets = json !== undefined && mayHoldSecrets(json) ? secretValues(parts.body) : [];
  return { ...parts, json, secrets };
}

/** The body as JSON, or the refusal naming the field JSON cannot carry (a BigInt, a cycle). */
function encode(body: Record<string, unknown>): string {
  try {
    return JSON.stringify(body);
  } catch (error) {
    const field = Object.keys(body).find((name) => {
      try {
        JSON.stringify(body[name]);
        return false;
      } catch {
        return true;
      }
    });
    throw new HsrcpayValidationError(
      field ?? "params",
      `cannot be sent as JSON (${(error as Error).message})`,
    );
  }
}

function withMeta<T extends object>(data: T, meta: ResponseMeta): WithMeta<T> {
  // Not enumerable (defineProperty's default): it stays out of JSON.stringify and spreads.
  return Object.defineProperty(data, "lastResponse", { value: meta }) as WithMeta<T>;
}

// The generated table, checked against the shape this module reads: a generator change that
// breaks the helper fails to compile here.
const table: Readonly<Record<string, Described>> = operations;

/**
 * What is wrong with an answer's data by the spec (`payment.status is required`), if anything: a
 * declared field of another JSON type, a required one missing, a stated pattern not matched. The
 * names are the spec's, never the server's: an unknown field is not looked at. A string outside an
 * enum's documented values passes; given `unknown`, it is noted there (`.payment.status`).
 */
export function answerRefusal(
  value: unknown,
  rule: Answer,
  unknown?: UnknownValue[],
): string | undefined {
  const refusal = refusalIn(value, rule, unknown);
  if (refusal === undefined) return undefined;
  const [at, problem] = refusal;
  return `${at.replace(/^\./, "") || "the data"} ${problem}`;
}

/** What is wrong and where below the value (`.payment.status`); the path is built only then. */
type Refusal = [at: string, problem: string];
/** A value outside an enum's documented ones, and where below the answer's data it is. */
export type UnknownValue = [at: string, value: string];

/** The values noted since `mark` were found below `step` (`.status` → `.payment.status`). */
function below(unknown: UnknownValue[] | undefined, mark: number, step: string): void {
  if (unknown === undefined) return;
  for (let index = mark; index < unknown.length; index++) {
    const note = unknown[index] as UnknownValue;
    note[0] = `${step}${note[0]}`;
  }
}

const fieldNames = new WeakMap<object, string[]>();

function refusalIn(value: unknown, rule: Answer, unknown?: UnknownValue[]): Refusal | undefined {
  if (typeof rule === "string") {
    return rule === "" || isJsonType(value, rule) ? undefined : ["", `must be ${rule}`];
  }
  if (Array.isArray(rule)) {
    let first: Refusal | undefined;
    const mark = unknown?.length ?? 0;
    for (const form of rule) {
      const refusal = refusalIn(value, form, unknown);
      if (refusal === undefined) return undefined;
      if (unknown) unknown.length = mark;
      if (form !== "null") first ??= refusal;
    }
    // Types only (`string or null`): say them all; else what is wrong inside the form meant.
    return rule.every((form) => typeof form === "string")
      ? ["", `must be ${rule.join(" or ")}`]
      : first;
  }
  if ("x" in rule) {
    if (typeof value !== "string") return ["", "must be string"];
    return patternOf(rule.x).test(value) ? undefined : ["", `does not match ${rule.x}`];
  }
  if ("e" in rule) {
    if (typeof value !== "string") return ["", "must be string"];
    if (unknown && !rule.e.includes(value)) unknown.push(["", value]);
    return undefined;
  }
  if ("i" in rule) {
    if (!Array.isArray(value)) return ["", "must be array"];
    for (let index = 0; index < value.length; index++) {
      const mark = unknown?.length ?? 0;
      const refusal = refusalIn(value[index], rule.i, unknown);
      if (refusal) return [`[${index}]${refusal[0]}`, refusal[1]];
      below(unknown, mark, `[${index}]`);
    }
    return undefined;
  }
  if (!("p" in rule)) return undefined;
  if (!isObject(value)) return ["", "must be object"];
  let names = fieldNames.get(rule.p);
  if (names === undefined) {
    names = Object.keys(rule.p);
    fieldNames.set(rule.p, names);
  }
  for (const name of names) {
    if (!Object.hasOwn(value, name)) {
      if (rule.o?.includes(name)) continue;
      return [`.${name}`, "is required"];
    }
    const mark = unknown?.length ?? 0;
    const refusal = refusalIn(value[name], rule.p[name] as Answer, unknown);
    if (refusal) return [`.${name}${refusal[0]}`, refusal[1]];
    below(unknown, mark, `.${name}`);
  }
  return undefined;
}

function isJsonType(value: unknown, type: string): boolean {
  switch (type) {
    case "object":
      return isObject(value);
    case "array":
      return Array.isArray(value);
    case "null":
      return value === null;
    case "integer":
      return Number.isInteger(value);
    default:
      return typeof value === type;
  }
}

/**
 * The fields that `include_<field>: true` flags of the query embed, among those the answer's item
 * declares (`include_payment_provider_details` names none: it embeds nothing of its own).
 */
function embedsOf(query: Record<string, unknown>, rule: Answer): string[] {
  if (typeof rule !== "object" || !("p" in rule)) return [];
  return Object.keys(query)
    .filter((name) => name.startsWith("include_") && query[name] === true)
    .map((name) => name.slice("include_".length))
    .filter((field) => Object.hasOwn(rule.p, field));
}

/** An item without a field its flag asked for: the types say it is there, so it must be. */
function missingEmbed(item: unknown, embeds: readonly string[]): string | undefined {
  if (!isObject(item)) return undefined;
  const missing = embeds.find((field) => !Object.hasOwn(item, field));
  return missing && `${missing} is required with include_${missing}=true`;
}

function missingEmbedIn(items: unknown[], embeds: readonly string[]): string | undefined {
  if (embeds.length === 0) return undefined;
  for (let index = 0; index < items.length; index++) {
    const missing = missingEmbed(items[index], embeds);
    if (missing) return `[${index}].${missing}`;
  }
  return undefined;
}

const isPageCount = (n: unknown) => Number.isInteger(n) && (n as number) >= 0;

/**
 * A call whose answer is content, not an envelope (consuming a one-time link), made to be sent
 * once: a link consumed by an attempt whose answer was lost cannot be consumed again, so the
 * client's retries are off and a caller's `maxRetries` above 0 is refused. It asks for the page or
 * text the link shows, or for JSON (its error envelope), unless the caller said otherwise.
 */
function sendOnce(checked: ReturnType<typeof checkRequestOptions>): void {
  const { settings, headers } = checked;
  if (settings.maxRetries !== undefined && settings.maxRetries !== 0) {
    throw new HsrcpayValidationError(
      "options.maxRetries",
      "must be 0: a link is consumed once, so its call is never retried",
    );
  }
  settings.maxRetries = 0;
  if (!Object.hasOwn(headers, "accept")) headers.accept = "text/html, text/plain, */*;q=0.5";
}

/** What arrived, as `Consumed`: a 3xx is handed back as the redirect it is, never followed. */
async function consumed(
  send: () => Promise<{ received: Received; request: RequestSummary }>,
): Promise<Consumed> {
  let answer: { received: Received; request: RequestSummary };
  try {
    answer = await send();
  } catch (error) {
    // A 3xx the transport refused to follow (0: a browser's opaque redirect). A redirect the
    // fetch followed anyway (its status that of where it led) stays an error: that answer came
    // from somewhere the request was never sent to.
    if (error instanceof HsrcpayRedirectError) {
      const { status } = error;
      if (status === 0 || (status >= 300 && status <= 399)) {
        const lastResponse = redirectMeta(error);
        return { kind: "redirect", status, location: error.location, lastResponse };
      }
    }
    throw error;
  }
  const { received, request } = answer;
  const { text, meta } = readContent(received, request);
  const contentType = meta.headers.get("content-type") ?? undefined;
  return { kind: "content", status: received.status, contentType, text, lastResponse: meta };
}

/**
 * The resource methods' `call`. With a `reporter` (the client logs), an answer's values outside
 * the spec's enums are noted and reported once each at `warn`; without one, nothing is noted.
 */
export function createCall(send: Sender, reporter?: Reporter): Call {
  const call = (
    method: Method,
    path: string,
    params: unknown,
    options: RequestOptions = {},
    pathParams: Record<string, unknown> = {},
  ) => {
    const key = `${method.toUpperCase()} ${path}`;
    const operation = table[key];
    if (operation === undefined) throw new HsrcpayError(`${method} ${path} is not in the spec`);
    const { unwrap } = operation;
    const answer = answers[key] ?? "";
    /** The data itself, out of the wrapper the spec allows it to arrive in. */
    const inner = (item: unknown) =>
      unwrap !== undefined && isObject(item) && isObject(item[unwrap]) ? item[unwrap] : item;
    const unknown: UnknownValue[] | undefined = reporter && [];
    /** The fields this call's `include_*: true` flags embed: the types promise them. */
    let embeds: readonly string[] = [];
    const refuseItem = (item: unknown) =>
      answerRefusal(inner(item), answer, unknown) ?? missingEmbed(inner(item), embeds);
    const list: Answer = { i: answer };
    const refuseList = (data: unknown) =>
      answerRefusal(data, list, unknown) ?? missingEmbedIn(data as unknown[], embeds);
    /** Tells the logger of the values noted in an answer that was believed. */
    const tellUnknown = (received: Received) => {
      if (!reporter || !unknown?.length) return;
      reporter.unknownValues(key, unknown, maskFor(received));
      unknown.length = 0;
    };
    /** Checks the options and the params: the refusals, before anything is sent. */
    const prepareCall = () => {
      const prepared = {
        settings: checkRequestOptions(options, method !== "get"),
        parts: prepare(operation, key, params, pathParams),
      };
      embeds = embedsOf(prepared.parts.query, answer);
      return prepared;
    };
    /** Sends one request of the operation; the answer is read by the caller. */
    const sendCall = (
      { settings, parts }: ReturnType<typeof prepareCall>,
      query: Record<string, unknown> = parts.query,
    ) =>
      send(settings.settings, {
        method: method.toUpperCase(),
        schemaPath: path,
        path: parts.path,
        query,
        json: parts.json,
        headers: settings.headers,
        secrets: parts.secrets,
      });

    if (operation.kind === "page" || operation.kind === "list") {
      let prepared: ReturnType<typeof prepareCall>;
      try {
        prepared = prepareCall();
      } catch (error) {
        // Refused params reject like every other method's, when the list is awaited or iterated.
        return pagePromise(() => Promise.reject(error), 1, undefined);
      }
      const { page: first = 1, ...query } = prepared.parts.query as { page?: number };
      const paged = operation.kind === "page";
      const fetchPage = async (page: number): Promise<PageContent<unknown>> => {
        const { received, request } = await sendCall(prepared, paged ? { ...query, page } : query);
        const { data, meta, envelope } = readData(received, request, refuseList);
        tellUnknown(received);
        const items = data as unknown[];
        // An unpaginated list is one page that holds all of it.
        if (!paged)
          return { data: items, total: items.length, limit: items.length, pages: 1, meta };
        const { total, limit, pages } = envelope;
        // None of the numbers, where the spec allows it: the server ignored pagination, and this
        // is the whole list. Some of them without the others is still not believed.
        if (operation.unpaged && [total, limit, pages, envelope.page].every((n) => n === undefined))
          return { data: items, total: items.length, limit: items.length, pages: 1, meta };
        if (![total, limit, pages].every(isPageCount)) {
          throw invalidResponse(
            received,
            request,
            "a list envelope without its pagination numbers",
          );
        }
        return { data: items, total, limit, pages, meta } as PageContent<unknown>;
      };
      // One unpaginated list is what the server sent: no walk, so nothing is skipped as a repeat.
      return pagePromise(fetchPage, first, prepared.settings.settings.signal, paged);
    }

    if (operation.kind === "content") {
      return (async () => {
        const prepared = prepareCall();
        sendOnce(prepared.settings);
        return consumed(() => sendCall(prepared));
      })();
    }

    return (async () => {
      const prepared = prepareCall();
      const { received, request } = await sendCall(prepared);
      if (operation.kind === "deleted") {
        // A 404 after an attempt whose answer was lost: that attempt deleted it.
        const meta =
          received.status === 404 && received.uncertain
            ? metaOf(received, request)
            : readDeleted(received, request);
        // The deleted object's id is the path's last parameter (`/configs/{id}/fees/{feeId}`).
        const id = prepared.parts.path[operation.path?.at(-1) ?? "id"];
        return withMeta({ id: String(id), deleted: true as const }, meta);
      }
      const { data, meta } = readData(received, request, refuseItem);
      tellUnknown(received);
      return withMeta(inner(data) as Record<string, unknown>, meta);
    })();
  };
  return call as Call;
}
