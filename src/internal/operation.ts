// The one operation helper: a resource method names its method and path once, and everything else
// comes from the spec. The compiler checks the path against the spec's paths (openapi-fetch's own
// ClientPathsWithMethod) and the params against the operation's query, path and body types; at run
// time the generated table (generated/operations.ts) says where each param goes, what to check
// before sending, and what kind of answer to expect: one object, a paginated or an unpaginated list,
// or a delete.
import type { ClientPathsWithMethod } from "openapi-fetch";
import { operations } from "../../generated/operations.js";
import type { paths } from "../../generated/schema.js";
import { HsrcpayError } from "../errors/hsrcpay-error.js";
import { HsrcpayValidationError } from "../errors/validation-error.js";
import { check, type Rule, snapshot } from "./checks.js";
import {
  invalidResponse,
  isObject,
  metaOf,
  type ResponseMeta,
  readData,
  readDeleted,
} from "./envelope.js";
import { checkSegment } from "./guards.js";
import { checkRequestOptions, type RequestOptions } from "./options.js";
import { type PageContent, type PagePromise, pagePromise } from "./pagination.js";
import { type Api, answerTo, type Sending } from "./typed-api.js";

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
  readonly name: string;
  readonly kind: string;
  readonly where: Readonly<Record<string, string>>;
  readonly params: Rule;
  /** Paths into the data (`payment.id`) and the `typeof` each must have (`object?`: or be absent). */
  readonly shape: Readonly<Record<string, string>>;
  /** The field the data may arrive wrapped in, where HSRCPAY's pages disagree (`{ payment }`). */
  readonly unwrap?: string;
}

/**
 * The params split by where they go, checked; and the body's JSON, checked to encode. `pathParams`
 * come from the method's own arguments; the same name among the params is refused, not dropped.
 */
function prepare(operation: Described, given: unknown, pathParams: Record<string, unknown>) {
  const params = snapshot(given);
  for (const name of Object.keys(pathParams)) {
    if (Object.hasOwn(params, name)) {
      throw new HsrcpayValidationError(name, "is the method's own argument, not a field of params");
    }
    Object.defineProperty(params, name, { value: pathParams[name], enumerable: true });
  }
  const parts = { path: {}, query: {}, body: {} } as Record<
    "path" | "query" | "body",
    Record<string, unknown>
  >;
  // Path segments first, so that an id gets the segment guard's words rather than a pattern's.
  for (const [name, where] of Object.entries(operation.where)) {
    if (where === "path") checkSegment(params[name], name, `the ${name} of ${operation.name}`);
  }
  check(params, operation.params, "", operation.name);
  for (const [name, value] of Object.entries(params)) {
    if (value !== undefined) parts[operation.where[name] as keyof typeof parts][name] = value;
  }
  const hasBody = Object.values(operation.where).includes("body");
  return { ...parts, json: hasBody ? encode(parts.body) : undefined };
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
  return Object.defineProperty(data, "lastResponse", {
    value: meta,
    enumerable: false,
  }) as WithMeta<T>;
}

// The generated table, checked against the shape this module reads: a generator change that
// breaks the helper fails to compile here.
const table: Readonly<Record<string, Described>> = operations;

/**
 * Whether `item` has each path of `shape` with its `typeof` (`object` being a non-array object);
 * `object?` is an object, or absent or null, and then nothing under it is looked for. The paths come
 * parents first (generate-operations.ts writes them so).
 */
export function holdsShape(item: unknown, shape: Readonly<Record<string, string>>): boolean {
  const compiled = compile(shape);
  // Indexes of the `object?` paths found absent: nothing under them is looked for.
  const absent: number[] = [];
  for (let index = 0; index < compiled.length; index++) {
    const { names, type, parents } = compiled[index] as CompiledPath;
    if (absent.length > 0 && parents.some((parent) => absent.includes(parent))) continue;
    let value = item;
    for (const name of names) value = isObject(value) ? value[name] : undefined;
    if (type === "object?" && (value === undefined || value === null)) absent.push(index);
    else if (type.startsWith("object") ? !isObject(value) : typeof value !== type) return false;
  }
  return true;
}

interface CompiledPath {
  names: readonly string[];
  type: string;
  /** The indexes of the `object?` paths this one lies under. */
  parents: readonly number[];
}

/** Each shape split once, not on every item of every answer (a page of a hundred payments). */
const compiledShapes = new WeakMap<object, readonly CompiledPath[]>();

function compile(shape: Readonly<Record<string, string>>): readonly CompiledPath[] {
  let compiled = compiledShapes.get(shape);
  if (compiled === undefined) {
    const entries = Object.entries(shape);
    compiled = entries.map(([path, type]) => ({
      names: path.split("."),
      type,
      parents: entries.flatMap(([parent, parentType], index) =>
        parentType === "object?" && path.startsWith(`${parent}.`) ? [index] : [],
      ),
    }));
    compiledShapes.set(shape, compiled);
  }
  return compiled;
}

const isPageCount = (n: unknown) => Number.isInteger(n) && (n as number) >= 0;

export function createCall({ api, through, direct, hasMiddleware }: Sending): Call {
  const call = (
    method: Method,
    path: string,
    params: unknown,
    options: RequestOptions = {},
    pathParams: Record<string, unknown> = {},
  ) => {
    const operation = table[`${method.toUpperCase()} ${path}`];
    if (operation === undefined) throw new HsrcpayError(`${method} ${path} is not in the spec`);
    const { unwrap } = operation;
    /** The data itself, out of the wrapper the spec allows it to arrive in. */
    const inner = (item: unknown) =>
      unwrap !== undefined && isObject(item) && isObject(item[unwrap]) ? item[unwrap] : item;
    const isData = (item: unknown): item is Record<string, unknown> =>
      isObject(item) && holdsShape(inner(item), operation.shape);
    const isList = (data: unknown): data is unknown[] => Array.isArray(data) && data.every(isData);
    /** Checks the options and the params: the refusals, before anything is sent. */
    const prepareCall = () => ({
      settings: checkRequestOptions(options, method !== "get"),
      parts: prepare(operation, params, pathParams),
    });
    /** Sends one request of the operation; the answer is read by the caller. */
    const send = async (
      { settings, parts }: ReturnType<typeof prepareCall>,
      query: Record<string, unknown> = parts.query,
    ) => {
      const settled = { ...settings.settings, readByClient: true, schemaPath: path };
      // Without middleware, the request openapi-fetch would build is built once, directly (the
      // same URL, headers and body: test/unit/direct-path.test.ts); with any, it goes through
      // openapi-fetch, so that the middleware sees it.
      if (!hasMiddleware()) {
        const upper = method.toUpperCase();
        return direct(settled, upper, path, parts.path, query, parts.json, settings.headers);
      }
      const { response } = await api.request(
        method,
        path as never,
        {
          params: { query, path: parts.path },
          ...(parts.json === undefined
            ? {}
            : { body: parts.body, bodySerializer: () => parts.json }),
          headers: settings.headers,
          parseAs: "stream",
          fetch: through(settled),
        } as never,
      );
      return answerTo(response);
    };

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
        const { received, request } = await send(prepared, paged ? { ...query, page } : query);
        const { data, meta, envelope } = readData(received, request, isList);
        // An unpaginated list is one page that holds all of it.
        if (!paged) return { data, total: data.length, limit: data.length, pages: 1, meta };
        const { total, limit, pages } = envelope;
        if (![total, limit, pages].every(isPageCount)) {
          throw invalidResponse(
            received,
            request,
            "a list envelope without its pagination numbers",
          );
        }
        return { data, total, limit, pages, meta } as PageContent<unknown>;
      };
      // One unpaginated list is what the server sent: no walk, so nothing is skipped as a repeat.
      return pagePromise(fetchPage, first, prepared.settings.settings.signal, paged);
    }

    return (async () => {
      const prepared = prepareCall();
      const { received, request } = await send(prepared);
      if (operation.kind === "deleted") {
        // A 404 after an attempt whose answer was lost: that attempt deleted it.
        const meta =
          received.status === 404 && received.uncertain
            ? metaOf(received, request)
            : readDeleted(received, request);
        return withMeta({ id: String(prepared.parts.path.id), deleted: true as const }, meta);
      }
      const { data, meta } = readData(received, request, isData);
      return withMeta(inner(data) as Record<string, unknown>, meta);
    })();
  };
  return call as Call;
}
