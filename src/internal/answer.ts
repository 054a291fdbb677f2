// Turns a received answer into what the caller is handed: the envelope's `data`, with
// `lastResponse`, or the typed error that says what arrived. Both carry structured fields only
// (status, the envelope's code, message and details, request id, Retry-After, the write's
// Idempotency-Key, and the allow-listed headers), never the server's raw text: a body that is not
// HSRCPAY's envelope is described by its content type and size, and its masked start is shown in
// `debug` log lines only. HSRCPAY wraps every v1 response (openapi/components/schemas/*Envelope.yaml):
// `{ message, success: true, data }` or `{ message, success: false, error: { code, message, details } }`.
import type { components } from "../../generated/schema.js";
import { apiErrorFor, type HsrcpayApiError } from "../errors/api-error.js";
import { HsrcpayInvalidResponseError } from "../errors/invalid-response-error.js";
import { HsrcpayResponseTooLargeError } from "../errors/response-too-large-error.js";
import {
  type Mask,
  maskDeep,
  masked,
  maskOf,
  mayHoldSecrets,
  secretFields,
  secretValues,
} from "./mask.js";
import { parseRetryAfter } from "./retry.js";

type ErrorEnvelope = components["schemas"]["ErrorEnvelope"];

/** The final answer of a call: a status from 200 to 599 and its body, read within the timeout. */
export interface Received {
  status: number;
  /** As they arrived: only `allowedHeaders` of them, masked, go on (see `headersOf`). */
  headers: Headers;
  /** The body up to the cap, decoded as UTF-8. */
  text: string;
  /** Decoded bytes kept, and whether the body went on past the cap. */
  bytes: number;
  truncated: boolean;
  /** The cap that applied to this body. */
  limit: number;
  /** The call's secrets (the token, the request's secret values): see `maskFor`. */
  secrets: readonly string[];
  /**
   * An earlier attempt of this call ended without a definite answer (a timeout, a broken
   * connection, a 5xx): the server may have carried it out before this answer.
   */
  uncertain: boolean;
}

/** What a result carries besides its data, for logs and support tickets. */
export interface ResponseMeta {
  /** The HTTP status: HSRCPAY answers a create with 200 or 201. */
  readonly status: number;
  /** The envelope's `message` (`"success"`), masked. */
  readonly message: string;
  /** The server's request id, from `x-request-id` or `request-id`, masked. */
  readonly requestId: string | undefined;
  /** How long the server asked to wait (Retry-After), in milliseconds, when it said. */
  readonly retryAfter: number | undefined;
  /** The Idempotency-Key every attempt of the call carried. */
  readonly idempotencyKey: string | undefined;
  /** The allow-listed headers (`allowedHeaders`), masked: never a header the server named. */
  readonly headers: Headers;
}

export interface RequestSummary {
  /** `POST /v1/api-keys/`: method and path, never the query or headers. */
  label: string;
  idempotencyKey: string | undefined;
}

/**
 * The headers handed on, when present: the content type, the request id, Retry-After, and the
 * rate-limit headers (the `X-RateLimit-*` family and the IETF draft's `RateLimit*`).
 */
export const allowedHeaders: ReadonlySet<string> = new Set([
  "content-type",
  "x-request-id",
  "request-id",
  "retry-after",
  "x-ratelimit-limit",
  "x-ratelimit-remaining",
  "x-ratelimit-reset",
  "ratelimit",
  "ratelimit-policy",
  "ratelimit-limit",
  "ratelimit-remaining",
  "ratelimit-reset",
]);

const maskCache = new WeakMap<Received, Mask>();

/**
 * The mask of one answer: the call's secrets, and the values of the answer's own secret fields
 * (a created key's `key`), looked for only where the body may hold one. `parsed` saves a parse.
 */
export function maskFor(received: Received, parsed?: unknown): Mask {
  let mask = maskCache.get(received);
  if (mask === undefined) {
    const { text, secrets } = received;
    const own = mayHoldSecrets(text) ? secretValues(parsed ?? parseJson(text)) : [];
    mask = maskOf(own.length === 0 ? secrets : [...secrets, ...own]);
    maskCache.set(received, mask);
  }
  return mask;
}

const inspect = Symbol.for("nodejs.util.inspect.custom");

/** The allow-listed headers, masked; values past Latin-1 become `?`, as a Headers needs. */
export function allowedOf(headers: Headers, mask: Mask): [string, string][] {
  const kept: [string, string][] = [];
  headers.forEach((value, name) => {
    if (allowedHeaders.has(name)) kept.push([name, mask(value).replace(/[^\t\x20-\xff]/g, "?")]);
  });
  return kept;
}

export function headersOf(headers: Headers, mask: Mask): Headers {
  return new Headers(allowedOf(headers, mask));
}

export function requestIdOf(headers: Headers): string | undefined {
  return headers.get("x-request-id") ?? headers.get("request-id") ?? undefined;
}

/** The structured fields every error and `lastResponse` carry. */
function fieldsOf(received: Received, request: RequestSummary, mask: Mask) {
  const headers = headersOf(received.headers, mask);
  const requestId = requestIdOf(headers);
  return {
    status: received.status,
    headers,
    requestId,
    idempotencyKey: request.idempotencyKey,
    retryAfter: parseRetryAfter(received.headers.get("retry-after"), Date.now()),
  };
}

/** The success envelope and its data when `refuse` finds nothing wrong with it; a typed error otherwise. */
export function readData(
  received: Received,
  request: RequestSummary,
  /** What is wrong with the data, by the spec (`payment.status is required`), if anything. */
  refuse: (data: unknown) => string | undefined,
): { data: unknown; meta: ResponseMeta; envelope: Record<string, unknown> } {
  if (received.status > 299) throw apiError(received, request);
  if (received.truncated) throw tooLarge(received, request);
  const parsed = parseJson(received.text);
  const fail = (problem: string) => invalidResponse(received, request, problem);
  if (parsed === undefined)
    throw fail(received.text.length === 0 ? "an empty body" : "a body that is not JSON");
  if (!isObject(parsed)) throw fail("JSON that is not an envelope object");
  if (parsed.success !== true) throw fail(failedEnvelope(parsed));
  const wrong = refuse(parsed.data);
  if (wrong !== undefined)
    throw fail(`an envelope whose data is not what the spec declares (${wrong})`);
  return { data: parsed.data, meta: metaOf(received, request, parsed), envelope: parsed };
}

/**
 * An answer that is content, not an envelope (consuming a one-time link): a 2xx body as the data
 * asked for, as it came, decoded as UTF-8, up to the cap (past it, the typed too-large error, not
 * a body cut short); a failure status is the typed error of every operation.
 */
export function readContent(
  received: Received,
  request: RequestSummary,
): { text: string; meta: ResponseMeta } {
  if (received.status > 299) throw apiError(received, request);
  if (received.truncated) throw tooLarge(received, request);
  return { text: received.text, meta: metaOf(received, request) };
}

/** A redirect's `lastResponse`: the refused redirect's fields, already allow-listed and masked. */
export function redirectMeta(error: HsrcpayApiError): ResponseMeta {
  const { status, requestId, retryAfter, idempotencyKey, headers } = error;
  return { status, message: "", requestId, retryAfter, idempotencyKey, headers };
}

/**
 * A delete's answer. Any 2xx that is not an explicit failure envelope (`success: false`) is a
 * success: HSRCPAY's void envelope, `204 No Content` or another empty body, the deleted object in
 * `data`. A body that is not JSON at all (a proxy's or a captive portal's page) did not come from
 * HSRCPAY, so it says nothing about the delete: that is an invalid response.
 */
export function readDeleted(received: Received, request: RequestSummary): ResponseMeta {
  if (received.status > 299) throw apiError(received, request);
  if (received.truncated) throw tooLarge(received, request);
  // JSON's own whitespace: a body of U+00A0 or U+2028 is text, not an empty answer.
  if (/^[ \t\n\r]*$/.test(received.text)) return metaOf(received, request);
  const parsed = parseJson(received.text);
  if (parsed === undefined) throw invalidResponse(received, request, "a body that is not JSON");
  if (!isObject(parsed)) return metaOf(received, request);
  if (parsed.success === false) throw invalidResponse(received, request, failedEnvelope(parsed));
  // Data that only says whether it was deleted (a fee row's `{ deleted: true }`) must say yes; the
  // deleted object itself (a key, `id` and its own `deleted: false` among its fields) is a success.
  const { data } = parsed;
  const saysOnly = isObject(data) && Object.hasOwn(data, "deleted") && !Object.hasOwn(data, "id");
  if (saysOnly && data.deleted !== true) {
    throw invalidResponse(received, request, "a delete whose data says it was not deleted");
  }
  return metaOf(received, request, parsed);
}

/** `an envelope with success: false`; a `success` that is not a boolean is named by its type. */
function failedEnvelope(parsed: Record<string, unknown>): string {
  const { success } = parsed;
  const value =
    typeof success === "boolean" || success === undefined || success === null
      ? String(success)
      : `a ${Array.isArray(success) ? "list" : typeof success}`;
  return `an envelope with success: ${value}`;
}

/**
 * What the response said besides its data; `envelope` is the parsed body, when there was one. The
 * masked fields are worked out when first read: a call whose `lastResponse` nobody reads masks
 * nothing. What it keeps until then is the answer's headers and parsed body, not its text.
 */
export function metaOf(
  received: Received,
  request: RequestSummary,
  envelope?: Record<string, unknown>,
): ResponseMeta {
  return new LastResponse(received, request.idempotencyKey, envelope);
}

class LastResponse implements ResponseMeta {
  readonly status: number;
  readonly retryAfter: number | undefined;
  readonly idempotencyKey: string | undefined;
  readonly #received: Pick<Received, "headers" | "secrets">;
  readonly #envelope: Record<string, unknown> | undefined;
  #mask: Mask | undefined;
  #headers: Headers | undefined;
  #message: string | undefined;

  constructor(
    received: Received,
    idempotencyKey: string | undefined,
    envelope: Record<string, unknown> | undefined,
  ) {
    this.status = received.status;
    this.retryAfter = parseRetryAfter(received.headers.get("retry-after"), Date.now());
    this.idempotencyKey = idempotencyKey;
    this.#received = { headers: received.headers, secrets: received.secrets };
    this.#envelope = envelope;
  }

  get message(): string {
    const said = this.#envelope?.message;
    // The usual "success" needs no look; any other message is the server's text, masked.
    this.#message ??=
      typeof said !== "string" ? "" : said === "success" ? said : this.#masked(said);
    return this.#message;
  }

  get requestId(): string | undefined {
    return requestIdOf(this.headers);
  }

  get headers(): Headers {
    this.#headers ??= headersOf(this.#received.headers, (text) => this.#masked(text));
    return this.#headers;
  }

  #masked(text: string): string {
    const { secrets } = this.#received;
    const envelope = this.#envelope;
    this.#mask ??= maskOf(envelope ? [...secrets, ...secretValues(envelope)] : secrets);
    return this.#mask(text);
  }

  toJSON() {
    const { status, message, requestId, retryAfter, idempotencyKey, headers } = this;
    return { status, message, requestId, retryAfter, idempotencyKey, headers };
  }

  /** Printed as the values it holds, not as getters. */
  [inspect]() {
    return this.toJSON();
  }
}

/** A failure status: HSRCPAY's error envelope read into fields, masked; any other body described. */
export function apiError(received: Received, request: RequestSummary): HsrcpayApiError {
  // A body cut at the cap is not parsed: it is described like any other body that is not JSON.
  const parsed = received.truncated ? undefined : parseJson(received.text);
  const mask = maskFor(received, parsed);
  const fields = fieldsOf(received, request, mask);
  let body: ErrorEnvelope | undefined;
  if (isErrorEnvelope(parsed)) {
    const { code, message, details } = parsed.error;
    body = {
      success: false,
      message: typeof parsed.message === "string" ? mask(parsed.message) : "",
      error: {
        code,
        message: mask(message),
        ...(details === undefined
          ? {}
          : {
              details: maskDeep(details, mask, numericSecrets(received)) as Record<string, unknown>,
            }),
      },
    };
  }
  const said = body
    ? body.error.message || body.message
    : `from HSRCPAY; the body is not HSRCPAY's error envelope (${what(received, fields.headers)})`;
  return apiErrorFor({ ...fields, message: `${received.status} ${said} (${request.label})`, body });
}

export function invalidResponse(
  received: Received,
  request: RequestSummary,
  problem: string,
): HsrcpayInvalidResponseError {
  return new HsrcpayInvalidResponseError(
    described(received, request, `${problem}, not the success envelope`),
  );
}

/** A 2xx whose body went on past the cap: typed, naming the cap, never a connection failure. */
export function tooLarge(
  received: Received,
  request: RequestSummary,
): HsrcpayResponseTooLargeError {
  const problem = `a body larger than the ${received.limit}-byte cap (maxResponseBytes); reading stopped there`;
  return new HsrcpayResponseTooLargeError({
    ...described(received, request, problem),
    limit: received.limit,
  });
}

/** What an invalid 2xx error carries: the problem, and what arrived (its type and size, not its text). */
function described(received: Received, request: RequestSummary, problem: string) {
  const fields = fieldsOf(received, request, maskFor(received));
  return {
    ...fields,
    message: `HSRCPAY answered ${received.status} with ${problem} (${request.label}; ${what(received, fields.headers)})`,
    contentType: fields.headers.get("content-type"),
    bodyBytes: received.bytes,
  };
}

/** `content-type text/html, 1234 bytes`. */
function what(received: Received, headers: Headers): string {
  const type = headers.get("content-type");
  const size = received.truncated ? `over ${received.limit} bytes, cut` : `${received.bytes} bytes`;
  return `${type ? `content-type ${type}` : "no content-type"}, ${size}`;
}

const debugLength = 200;

/**
 * The start of a failure body for a `debug` line, masked: JSON as the masked value it parses to
 * (so that a number in any spelling is read as the number it is), other text masked as text, with
 * the values of the secret fields found in it (a body cut at the cap, or not JSON) masked too.
 */
export function debugStart(received: Received): string {
  const parsed = received.truncated ? undefined : parseJson(received.text);
  let text: string;
  if (parsed !== undefined) {
    text = JSON.stringify(maskDeep(parsed, maskFor(received, parsed), numericSecrets(received)));
  } else {
    const found = [...received.text.matchAll(secretMember)].map((match) => match[2] ?? match[3]);
    const mask = maskOf([...received.secrets, ...(found as string[])]);
    // Masked whole (a failure body is capped at 64 KiB), then cut: a secret cut first would no
    // longer be one (15 digits of a card), and spaces collapsed below would bring it into view.
    text = mask(received.text).replace(secretMember, `$1"${masked}"`);
  }
  const flat = text.replace(/\s+/g, " ").trim();
  return flat.length > debugLength ? `${flat.slice(0, debugLength)}…` : flat;
}

/** The request's numeric secrets as numbers (a security code sent back as `737` for "0737"). */
function numericSecrets(received: Received): ReadonlySet<number> {
  return new Set(received.secrets.filter((secret) => /^[0-9]+$/.test(secret)).map(Number));
}

// A secret field and its value in text that does not parse (cut at the cap, or not JSON).
const secretMember = new RegExp(
  `("(?:${[...secretFields].join("|")})"\\s*:\\s*)(?:"((?:[^"\\\\]|\\\\.)*)"?|([-\\d.eE+]+))`,
  "gi",
);

function parseJson(text: string): unknown {
  if (text.length === 0) return undefined;
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return undefined;
  }
}

export function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

function isErrorEnvelope(value: unknown): value is ErrorEnvelope {
  if (!isObject(value) || value.success !== false || !isObject(value.error)) return false;
  const { code, message, details } = value.error;
  return (
    typeof code === "number" &&
    typeof message === "string" &&
    (details === undefined || isObject(details))
  );
}
