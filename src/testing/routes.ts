// What the mock knows of each operation, read from the generated tables: its route, its declared
// statuses with their named examples, and the two names a test may call it by, the spec's
// operationId (`getPayment`) and the client's method (`payments.retrieve`).
import { operations } from "../../generated/operations.js";
import {
  type DeclaredOperation,
  type MockMethodName,
  type MockOperationId,
  methods,
  responses,
} from "../../generated/responses.js";
import type { HsrcpayClient } from "../client.js";
import type { Described } from "../internal/operation.js";

/** A name the mock takes for an operation: the spec's operationId or the client's method name. */
export type MockName = MockOperationId | MockMethodName;

/**
 * The client's method names as its types spell them (`payments.retrieve`,
 * `customers.addresses.create`), `raw` aside (it calls by path). test/unit/testing-names.test.ts
 * checks that they are the generated table's (`MockMethodName`).
 */
export type ClientMethodName = {
  [K in Exclude<keyof HsrcpayClient, "raw"> & string]: NonNullable<HsrcpayClient[K]> extends (
    ...args: never[]
  ) => unknown
    ? never
    : NonNullable<HsrcpayClient[K]> extends object
      ? MethodsOf<NonNullable<HsrcpayClient[K]>, `${K}.`>
      : never;
}[Exclude<keyof HsrcpayClient, "raw"> & string];
type MethodsOf<T, Prefix extends string> = {
  [K in keyof T & string]: T[K] extends (...args: never[]) => unknown
    ? `${Prefix}${K}`
    : T[K] extends object
      ? MethodsOf<T[K], `${Prefix}${K}.`>
      : never;
}[keyof T & string];

export interface Route extends DeclaredOperation {
  /** `POST /payments/{id}/confirm` */
  key: string;
  operationId: MockOperationId;
  method: string;
  path: string;
  segments: string[];
  operation: Described;
  /** The client's method names that call it (`payments.confirm`). */
  methodNames: string[];
}

export const routes: Route[] = Object.entries(operations as Record<string, Described>).map(
  ([key, operation]) => {
    const [method = "", path = ""] = key.split(" ");
    const declared = responses[key];
    if (!declared) throw new Error(`generated/responses.ts has no ${key}: run npm run generate`);
    return {
      ...declared,
      key,
      operationId: declared.operationId as MockOperationId,
      method,
      path,
      segments: path.split("/"),
      operation,
      methodNames: Object.keys(methods).filter((name) => methods[name as MockMethodName] === key),
    };
  },
);

const byName = new Map<string, Route>();
for (const route of routes) {
  byName.set(route.operationId, route);
  for (const name of route.methodNames) byName.set(name, route);
}
/** Every name the mock takes, operationIds first. */
export const names: readonly string[] = [
  ...routes.map((route) => route.operationId),
  ...Object.keys(methods),
];

/** Levenshtein distance, for the closest name to a misspelt one. */
function distance(a: string, b: string): number {
  let row = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const next = [i];
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1]?.toLowerCase() === b[j - 1]?.toLowerCase() ? 0 : 1;
      next[j] = Math.min(
        (row[j] as number) + 1,
        (next[j - 1] as number) + 1,
        (row[j - 1] as number) + cost,
      );
    }
    row = next;
  }
  return row[b.length] as number;
}

/**
 * The route a test names, by operationId or method name. Any other name is a TypeError naming it
 * and the closest name the mock takes: a test's own mistake, not an API's answer (a TypeError is
 * the same class in every entry and module format).
 */
export function routeNamed(name: string, use: string): Route {
  const route = typeof name === "string" ? byName.get(name) : undefined;
  if (route) return route;
  const closest = [...names].sort((a, b) => distance(name, a) - distance(name, b))[0];
  throw new TypeError(
    `${use}: ${JSON.stringify(name)} is neither an operationId of the spec nor a method of the client` +
      (typeof name === "string" && closest ? ` (did you mean "${closest}"?)` : "") +
      `; the names are listed in the README ("Testing your integration")`,
  );
}

/** The route and its path parameters (decoded), for a method and a path under the base. */
export function routeOf(method: string, path: string) {
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

/** The success statuses a route declares, in the spec's order. */
export const successStatuses = (route: Route) =>
  Object.keys(route.statuses).filter((status) => /^2\d\d$/.test(status));

/**
 * The status a route answers when nothing else is asked: its lowest declared 2xx, as the Prism mock
 * picks it, so that both mocks answer a create HSRCPAY documents as "200 or 201" alike (200).
 */
export function defaultStatus(route: Route): number {
  const success = successStatuses(route).map(Number);
  return success.length === 0 ? 200 : Math.min(...success);
}

/** The examples the spec gives a status: its own, or the `default` response's for another. */
export const examplesOf = (route: Route, status: number) =>
  route.examples[String(status)] ?? route.examples.default;

/** Whether a status is the spec's: declared, or an error status its `default` response covers. */
export const declares = (route: Route, status: number) =>
  Object.hasOwn(route.statuses, String(status)) ||
  (Object.hasOwn(route.statuses, "default") && status >= 400 && status <= 599);
