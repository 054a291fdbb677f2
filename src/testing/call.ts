// What passes between the mock's modules: a request as the server saw it, and an answer.
import type { MockOperationId } from "../../generated/responses.js";

/** A request as the server saw it. */
export interface MockCall {
  /** The spec's operation it matched; `undefined` for a path the spec does not have. */
  operationId: MockOperationId | undefined;
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

/** An answer the mock decided on: its status and its JSON body. */
export interface Answered {
  status: number;
  body: unknown;
}
