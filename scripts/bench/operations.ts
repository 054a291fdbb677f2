// What the bench calls, taken from tables rather than written per operation: the contract suite's
// valid call of every operation (test/contract/operations.ts) and the spec's call kinds
// (generated/operations.ts). An operation added with its contract row is benched with no line here.
import { operations, secretFields } from "../../generated/operations.js";
import { responses } from "../../generated/responses.js";
import type { HsrcpayClient } from "../../src/index.js";
import { isWrite, operationsUnderTest } from "../../test/contract/operations.js";

export const token = "sk_test_bench0000000000000000000";

/** One request as the client sent it, which every peer then sends in its own way. */
export interface SentRequest {
  method: string;
  url: string;
  /** The headers the client set, less its User-Agent (each peer sends its own). */
  headers: Record<string, string>;
  body: string | undefined;
  /** "POST /payments/{id}/confirm", the operation's key in the spec's table. */
  key: string;
  /** The path template and its parameters, and the query, as openapi-fetch and openai-node take them. */
  template: string;
  path: Record<string, string>;
  query: Record<string, string>;
  /** The path relative to the base URL, as openai-node's generic methods take it. */
  relativePath: string;
}

export interface BenchedOperation {
  /** `createPayment (object, write)`, or `raw.POST …` for the typed escape hatch. */
  name: string;
  operationId: string;
  kind: string;
  write: boolean;
  /** The call through the client, as a user makes it: no per-call options. */
  call(hsrcpay: HsrcpayClient): PromiseLike<unknown>;
}

type Described = (typeof operations)[keyof typeof operations];
const described = new Map<string, [string, Described]>(
  Object.entries(operations).map(([key, operation]) => [
    (responses[key] as { operationId: string }).operationId,
    [key, operation],
  ]),
);

/** The spec's entry of an operation: its `METHOD /path` key and its call kind. */
export function specOf(operationId: string): { key: string; kind: string } {
  const entry = described.get(operationId);
  if (!entry) throw new Error(`${operationId} is not in generated/operations.ts`);
  return { key: entry[0], kind: entry[1].kind };
}

/** Every operation of the contract table, as the bench calls it. */
export function allOperations(): BenchedOperation[] {
  return operationsUnderTest.map((row) => {
    const { kind } = specOf(row.operationId);
    return {
      name: `${row.operationId} (${kind}, ${isWrite(row) ? "write" : "read"})`,
      operationId: row.operationId,
      kind,
      write: isWrite(row),
      call: (hsrcpay) => row.call(hsrcpay, undefined as never),
    };
  });
}

/**
 * One read and one write per call kind, as the issue allows, and one more of each that sends
 * secret fields (a card, a webhook secret: masking them is work only those calls do): of each
 * group, the operation with the largest `weight` (the bytes it sends and is answered, measured by
 * the caller), whose parsing, checks and redaction bound those of the lighter ones of its group.
 * Bytes rather than time: the choice must be the same from run to run, so that runs compare.
 */
export function onePerKind(
  all: BenchedOperation[],
  weight: (operation: BenchedOperation) => number,
  sendsSecrets: (operation: BenchedOperation) => boolean,
): BenchedOperation[] {
  const heaviest = new Map<string, BenchedOperation>();
  for (const operation of all) {
    const group = `${operation.kind} ${operation.write} ${sendsSecrets(operation)}`;
    const held = heaviest.get(group);
    if (!held || weight(operation) > weight(held)) heaviest.set(group, operation);
  }
  return [...heaviest.values()];
}

/** Whether a request body holds a field the spec marks `x-hsrcpay-secret`. */
export function holdsSecrets(body: string | undefined): boolean {
  return body !== undefined && secretFields.some((name) => body.includes(`"${name}"`));
}

/** A recorded answer, to replay from memory. */
export interface Answer {
  status: number;
  headers: [string, string][];
  body: ArrayBuffer;
}

/**
 * Makes the operation's call once through a client whose `fetch` records what the client hands to
 * it, and returns that request with the answer it got.
 */
export async function record(
  operation: BenchedOperation,
  baseUrl: string,
  createClient: (fetchImpl: typeof fetch) => HsrcpayClient,
): Promise<{ sent: SentRequest; answer: Answer }> {
  const { key } = specOf(operation.operationId);
  const template = key.slice(key.indexOf(" ") + 1);
  const seen: SentRequest[] = [];
  let answer: Answer | undefined;
  const recording = (async (input: string | URL, init: RequestInit = {}) => {
    const url = new URL(String(input));
    const headers: Record<string, string> = {};
    new Headers(init.headers).forEach((value, name) => {
      if (name !== "user-agent") headers[name] = value;
    });
    const relativePath = url.pathname.slice(new URL(baseUrl).pathname.length);
    seen.push({
      method: init.method ?? "GET",
      url: url.href,
      headers,
      body: typeof init.body === "string" ? init.body : undefined,
      key,
      template,
      path: pathParams(template, relativePath),
      query: Object.fromEntries(url.searchParams),
      relativePath,
    });
    const response = await fetch(input, init);
    answer = {
      status: response.status,
      headers: [...response.headers],
      body: await response.clone().arrayBuffer(),
    };
    return response;
  }) as typeof fetch;
  await operation.call(createClient(recording));
  const [sent] = seen;
  if (seen.length !== 1 || !sent || !answer) {
    throw new Error(`${operation.name} made ${seen.length} requests; the bench compares one`);
  }
  return { sent, answer };
}

/** `{ id: "pay_1" }` from `/payments/{id}/confirm` and `/payments/pay_1/confirm`. */
function pathParams(template: string, path: string): Record<string, string> {
  const names: string[] = [];
  const pattern = template
    .split(/\{(\w+)\}/)
    .map((part, i) => {
      if (i % 2 === 0) return part.replace(/[.*+?^$()|[\]\\]/g, "\\$&");
      names.push(part);
      return "([^/]+)";
    })
    .join("");
  const match = new RegExp(`^${pattern}$`).exec(path);
  if (!match) throw new Error(`${path} does not match ${template}`);
  return Object.fromEntries(names.map((name, i) => [name, decodeURIComponent(match[i + 1] ?? "")]));
}
