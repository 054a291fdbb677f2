// A scripted outcome: its type, derived from the spec's statuses and named examples per
// operation (generated/responses.ts), and the same rules at run time, so that a test's mistake
// (`{ statuss: 503 }`, a status or an example the operation does not have) fails at once, naming
// it, instead of passing without the failure it meant to stage.
import type {
  MockExamples,
  MockMethodName,
  MockMethods,
  MockOperationId,
} from "../../generated/responses.js";
import type { MockCall } from "./call.js";
import { isAnswerStatus } from "./http.js";
import {
  declares,
  defaultStatus,
  examplesOf,
  type MockName,
  type Route,
  successStatuses,
} from "./routes.js";

/** The operationId a name stands for (`"payments.confirm"` is `"confirmPayment"`). */
export type OperationOf<N extends MockName> = N extends MockOperationId
  ? N
  : N extends MockMethodName
    ? MockMethods[N]
    : never;

type Num<S> = S extends `${infer N extends number}` ? N : never;
type Digit = 0 | 1 | 2 | 3 | 4 | 5 | 6 | 7 | 8 | 9;
/** 400 to 599: the statuses an operation's `default` error response stands for. */
export type MockErrorStatus = Num<`${4 | 5}${Digit}${Digit}`>;

type Examples<O extends MockOperationId> = MockExamples[O];
type Declared<O extends MockOperationId> = Num<keyof Examples<O>>;
type ExampleName<O extends MockOperationId> = Examples<O>[keyof Examples<O>] & string;

/**
 * An answer of the spec: a status it declares (or, where it has a `default` response, any other
 * 4xx or 5xx), with one of that status's named examples; without a status, an example name alone
 * picks its status.
 */
export type MockSpecAnswer<O extends MockOperationId> =
  | {
      status?: StatusOf<O> | undefined;
      example?: undefined;
      body?: undefined;
    }
  | {
      [S in keyof Examples<O> & string]: {
        status: S extends "default" ? Exclude<MockErrorStatus, Declared<O>> : Num<S>;
        example: Examples<O>[S];
        body?: undefined;
      };
    }[keyof Examples<O> & string]
  | { status?: undefined; example: ExampleName<O>; body?: undefined };

/** The statuses an operation answers from the spec: declared, or any 4xx or 5xx its `default` covers. */
type StatusOf<O extends MockOperationId> =
  | Declared<O>
  | ("default" extends keyof Examples<O> ? MockErrorStatus : never);

/** An answer the test writes itself: any status from 200 to 599, with this body. */
export interface MockOwnAnswer {
  /** From 200 to 599. */
  status?: number | undefined;
  /** The body to send (an object as JSON, a string as it is). */
  body: unknown;
  example?: undefined;
}

/** What every outcome may add, whatever it answers. */
export interface MockOutcomeOptions<N extends MockName> {
  /** Extra response headers. */
  headers?: Record<string, string> | undefined;
  /** Milliseconds before answering; the request's signal (the client's timeout) cuts it short. */
  delayMs?: number | undefined;
  /** No answer at all: `fetch` rejects as it does when the connection fails. */
  network?: "reset" | undefined;
  /** A 307 to this URL (the client never follows one). */
  redirect?: string | undefined;
  /** Answers the request itself, with a Response or an outcome. */
  handler?: ((call: MockCall) => MockHandled<N> | Promise<MockHandled<N>>) | undefined;
}

/** What a handler answers: a Response as it is, or an outcome (checked as `on` checks it). */
export type MockHandled<N extends MockName> = Response | MockOutcome<N>;

/**
 * One scripted answer of the operation `N` names: `{ status: 409 }` (that status's first example),
 * `{ example: "declined" }` (the spec's example of that name), `{ status: 200, example:
 * "succeeded" }`, `{ status: 502, body: "<html>" }` (a body of the test's own), `{ network:
 * "reset" }`, `{ delayMs }`, `{ redirect }` or `{ handler }`.
 */
export type MockOutcome<N extends MockName = MockName> = MockOutcomeOptions<N> &
  (MockSpecAnswer<OperationOf<N>> | MockOwnAnswer);

const outcomeFields = [
  "status",
  "example",
  "body",
  "headers",
  "delayMs",
  "network",
  "redirect",
  "handler",
];

/** What a checked outcome answers with: the status and example name it resolved to. */
export interface Checked {
  outcome: Record<string, unknown>;
  status?: number;
  example?: string;
}

const list = (values: readonly string[]) => values.join(", ");
/** How a refusal names the operation: as the test did, with its operationId beside a method name. */
const label = (route: Route, name: string) =>
  name === route.operationId ? name : `${name} (${route.operationId})`;

/**
 * A scripted outcome checked against the operation it is for: no field the mock does not know, a
 * status the spec has (unless the test writes the body), an example the spec names, a `network`
 * of `"reset"`. `name` is what the test called the operation.
 */
export function checkOutcome(route: Route, name: string, given: unknown): Checked {
  if (typeof given !== "object" || given === null || Array.isArray(given)) {
    throw new TypeError(`${label(route, name)}: a scripted outcome must be an object`);
  }
  const outcome = given as Record<string, unknown>;
  for (const field of Object.keys(outcome)) {
    if (!outcomeFields.includes(field)) {
      throw new TypeError(
        `${label(route, name)}: a scripted outcome has no field "${field}" (the fields are ${list(outcomeFields)})`,
      );
    }
  }
  const { status, example, body, network } = outcome;
  if (network !== undefined && network !== "reset") {
    throw new TypeError(
      `${label(route, name)}: a scripted network failure must be "reset", not ${String(network)}`,
    );
  }
  if (status !== undefined && !isAnswerStatus(status)) {
    throw new TypeError(
      `${label(route, name)}: a scripted status must be from 200 to 599, not ${status}`,
    );
  }
  const statuses = Object.keys(route.statuses);
  if (status !== undefined && body === undefined && !declares(route, status)) {
    throw new TypeError(
      `${label(route, name)} has no status ${status} in the spec (it declares ${list(statuses)}` +
        `${statuses.includes("default") ? ", default standing for any other 4xx or 5xx" : ""}); ` +
        "give a body to answer one anyway",
    );
  }
  if (example === undefined) return { outcome, ...(status === undefined ? {} : { status }) };
  if (typeof example !== "string") {
    throw new TypeError(
      `${label(route, name)}: a scripted example is a name, not ${String(example)}`,
    );
  }
  if (body !== undefined) {
    throw new TypeError(
      `${label(route, name)}: a scripted outcome takes an example or a body, not both`,
    );
  }
  if (status !== undefined) {
    const named = Object.keys(examplesOf(route, status) ?? {});
    if (!named.includes(example)) {
      throw new TypeError(
        `${label(route, name)} has no example "${example}" for status ${status} (its examples: ${list(named)})`,
      );
    }
    return { outcome, status, example };
  }
  return { outcome, status: statusOfExample(route, name, example), example };
}

/**
 * The status an example name alone stands for: the success that has it (the default success
 * where several do), or the one error status that has it.
 */
function statusOfExample(route: Route, name: string, example: string): number {
  const having = Object.keys(route.statuses).filter((status) =>
    Object.hasOwn(route.examples[status] ?? {}, example),
  );
  const success = having.filter((status) => successStatuses(route).includes(status));
  if (success.length > 0) {
    const preferred = String(defaultStatus(route));
    return Number(success.includes(preferred) ? preferred : success[0]);
  }
  const errors = having.filter((status) => status !== "default");
  if (errors.length === 1) return Number(errors[0]);
  if (errors.length > 1) {
    throw new TypeError(
      `${label(route, name)}: "${example}" is an example of ${list(errors)}: give the status too`,
    );
  }
  const all = Object.entries(route.examples).map(
    ([status, examples]) => `${status}: ${list(Object.keys(examples))}`,
  );
  throw new TypeError(
    `${label(route, name)} has no example "${example}" (its examples by status: ${all.join("; ")})`,
  );
}

/** An outcome as `assertDone` names it: `{"example":"declined"}`, a handler as `[handler]`. */
export const describeOutcome = (outcome: Record<string, unknown>) =>
  JSON.stringify(outcome, (_, value: unknown) =>
    typeof value === "function" ? "[handler]" : value,
  );
