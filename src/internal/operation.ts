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
import { HsrcpayValidationError } from "../errors/validation-error.js";
import {
  invalidResponse,
  isObject,
  metaOf,
  type ResponseMeta,
  readData,
  readDeleted,
} from "./answer.js";
import { check, patternOf, type Rule, setOwn, snapshot } from "./checks.js";
import { checkSegment } from "./guards.js";
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

/** What a delete resolves to; `lastResponse.status` is 404 when the object was already gone. */
export interface Deleted {
  readonly id: string;
  readonly deleted: true;
  readonly lastResponse: ResponseMeta;
}

/** What a call of this method and path resolves to, by the kind the spec gives it. */
export type Result<M extends Method, P extends keyof paths> = Table[Key<M, P> &
  keyof Table]["kind"] extends "page" | "list"
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
 * names are the spec's, never the server's: an unknown field is not looked at.
 */
export function answerRefusal(value: unknown, rule: Answer, field = ""): string | undefined {
  const refusal = refusalIn(value, rule);
  if (refusal === undefined) return undefined;
  const [at, problem] = refusal;
  const path = `${field}${at}`.replace(/^\./, "");
  return `${path || "the data"} ${problem}`;
}

/** What is wrong and where below the value (`.payment.status`); the path is built only then. */
type Refusal = [at: string, problem: string];

const fieldNames = new WeakMap<object, string[]>();

function refusalIn(value: unknown, rule: Answer): Refusal | undefined {
  if (typeof rule === "string") {
    return rule === "" || isJsonType(value, rule) ? undefined : ["", `must be ${rule}`];
  }
  if (Array.isArray(rule)) {
    let first: Refusal | undefined;
    for (const form of rule) {
      const refusal = refusalIn(value, form);
      if (refusal === undefined) return undefined;
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
  if ("i" in rule) {
    if (!Array.isArray(value)) return ["", "must be array"];
    for (let index = 0; index < value.length; index++) {
      const refusal = refusalIn(value[index], rule.i);
      if (refusal) return [`[${index}]${refusal[0]}`, refusal[1]];
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
    const refusal = refusalIn(value[name], rule.p[name] as Answer);
    if (refusal) return [`.${name}${refusal[0]}`, refusal[1]];
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

const isPageCount = (n: unknown) => Number.isInteger(n) && (n as number) >= 0;

export function createCall(send: Sender): Call {
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
    const refuseItem = (item: unknown) => answerRefusal(inner(item), answer);
    const list: Answer = { i: answer };
    const refuseList = (data: unknown) => answerRefusal(data, list);
    /** Checks the options and the params: the refusals, before anything is sent. */
    const prepareCall = () => ({
      settings: checkRequestOptions(options, method !== "get"),
      parts: prepare(operation, key, params, pathParams),
    });
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
        const items = data as unknown[];
        // An unpaginated list is one page that holds all of it.
        if (!paged)
          return { data: items, total: items.length, limit: items.length, pages: 1, meta };
        const { total, limit, pages } = envelope;
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

    return (async () => {
      const prepared = prepareCall();
      const { received, request } = await sendCall(prepared);
      if (operation.kind === "deleted") {
        // A 404 after an attempt whose answer was lost: that attempt deleted it.
        const meta =
          received.status === 404 && received.uncertain
            ? metaOf(received, request)
            : readDeleted(received, request);
        return withMeta({ id: String(prepared.parts.path.id), deleted: true as const }, meta);
      }
      const { data, meta } = readData(received, request, refuseItem);
      return withMeta(inner(data) as Record<string, unknown>, meta);
    })();
  };
  return call as Call;
}
