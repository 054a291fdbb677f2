// Turns a received answer into the envelope's `data`, or into the typed error that says what
// arrived. HSRCPAY wraps every v1 response (openapi/components/schemas/*Envelope.yaml):
// `{ message, success: true, data }` or `{ message, success: false, error: { code, message, details } }`.
import type { components } from "../../generated/schema.js";
import { apiErrorFor, type HsrcpayApiError } from "../errors/api-error.js";
import { HsrcpayInvalidResponseError } from "../errors/invalid-response-error.js";
import { HsrcpayResponseTooLargeError } from "../errors/response-too-large-error.js";
import { type Received, snippet } from "./answer.js";
import { redactDeep, redactHeaders, secretFields, withSecrets } from "./redact.js";
import { parseRetryAfter } from "./retry.js";

type ErrorEnvelope = components["schemas"]["ErrorEnvelope"];

/** What a result carries besides its data, for logs and support tickets. */
export interface ResponseMeta {
  /** The HTTP status: HSRCPAY answers a create with 200 or 201. */
  readonly status: number;
  /** The envelope's `message` (`"success"`). */
  readonly message: string;
  /** The server's request id, from `x-request-id` or `request-id`, where it sends one. */
  readonly requestId: string | undefined;
  /** The Idempotency-Key every attempt of the call carried. */
  readonly idempotencyKey: string | undefined;
  readonly headers: Headers;
}

export interface RequestSummary {
  /** `POST /v1/api-keys/`: method and path, never the query or headers. */
  label: string;
  idempotencyKey: string | undefined;
}

/** The success envelope and its data when `isData` accepts it; a typed error otherwise. */
export function readData<T>(
  received: Received,
  request: RequestSummary,
  isData: (data: unknown) => data is T,
): { data: T; meta: ResponseMeta; envelope: Record<string, unknown> } {
  if (received.status < 200 || received.status > 299) throw apiError(received, request);
  if (received.truncated) throw tooLarge(received, request);
  const parsed = parseJson(received.text);
  const fail = (problem: string) => invalidResponse(received, request, problem);
  if (parsed === undefined)
    throw fail(received.text.length === 0 ? "an empty body" : "a body that is not JSON");
  if (!isObject(parsed)) throw fail("JSON that is not an envelope object");
  if (parsed.success !== true) throw fail(failedEnvelope(received, parsed));
  if (!isData(parsed.data)) throw fail("an envelope without the expected data");
  return { data: parsed.data, meta: metaOf(received, request, parsed), envelope: parsed };
}

/**
 * A delete's answer. Any 2xx that is not an explicit failure envelope (`success: false`) is a
 * success: HSRCPAY's void envelope, `204 No Content` or another empty body, the deleted object in
 * `data`. A body that is not JSON at all (a proxy's or a captive portal's page) did not come from
 * HSRCPAY, so it says nothing about the delete: that is an invalid response.
 */
export function readDeleted(received: Received, request: RequestSummary): ResponseMeta {
  if (received.status < 200 || received.status > 299) throw apiError(received, request);
  if (received.truncated) throw tooLarge(received, request);
  // JSON's own whitespace: a body of U+00A0 or U+2028 is text, not an empty answer.
  if (/^[ \t\n\r]*$/.test(received.text)) return metaOf(received, request);
  const parsed = parseJson(received.text);
  if (parsed === undefined) throw invalidResponse(received, request, "a body that is not JSON");
  if (!isObject(parsed)) return metaOf(received, request);
  if (parsed.success === false)
    throw invalidResponse(received, request, failedEnvelope(received, parsed));
  return metaOf(received, request, parsed);
}

/**
 * `an envelope with success: false ("…")`, the envelope's message redacted; a `success` that is
 * not a boolean is named by its type, never shown (it is the server's text, whatever it holds).
 */
function failedEnvelope(received: Received, parsed: Record<string, unknown>): string {
  const { success, message } = parsed;
  const value =
    typeof success === "boolean" || success === undefined || success === null
      ? String(success)
      : `a ${Array.isArray(success) ? "list" : typeof success}`;
  const said = typeof message === "string" ? ` ("${received.redact(message)}")` : "";
  return `an envelope with success: ${value}${said}`;
}

/** What the response said besides its data; `envelope` is the parsed body, when there was one. */
export function metaOf(
  received: Received,
  request: RequestSummary,
  envelope?: Record<string, unknown>,
): ResponseMeta {
  const { headers, requestId } =
    envelope === undefined || received.status > 299 ? received : withoutEchoes(received, envelope);
  const said = envelope?.message;
  return {
    status: received.status,
    // The usual "success" needs no look; any other message is the server's text, redacted.
    message: typeof said !== "string" ? "" : said === "success" ? said : received.redact(said),
    requestId,
    idempotencyKey: request.idempotencyKey,
    headers,
  };
}

/**
 * A success's headers and request id with the secrets of its data masked: the new key is handed
 * back in the data, and nowhere else. The secrets looked for are the secret fields of the data
 * object, or of each object in a data array (where the resources keep them): a walk of the whole
 * body would cost as much as parsing it again.
 */
function withoutEchoes(
  received: Received,
  envelope: Record<string, unknown>,
): Pick<Received, "headers" | "requestId"> {
  const secrets = new Set<string>();
  const { data } = envelope;
  for (const item of Array.isArray(data) ? data : [data]) {
    if (!isObject(item)) continue;
    for (const field of secretFields) {
      const value = item[field];
      if (typeof value === "string") secrets.add(value);
    }
  }
  let echoed = false;
  received.headers.forEach((value) => {
    for (const secret of secrets) echoed ||= secret.length > 0 && value.includes(secret);
  });
  if (!echoed) return received;
  const mask = withSecrets((text) => text, secrets);
  return {
    headers: redactHeaders(received.headers, mask),
    requestId: received.requestId === undefined ? undefined : mask(received.requestId),
  };
}

export function apiError(received: Received, request: RequestSummary): HsrcpayApiError {
  const { redact, status } = received;
  // A body cut at the cap is not parsed: its start still shows in the message.
  const parsed = received.truncated ? undefined : parseJson(received.text);
  const body = isErrorEnvelope(parsed) ? redactDeep(parsed, redact) : undefined;
  const said = body
    ? body.error.message || body.message
    : `${received.statusText || "error"}; the body is not HSRCPAY's error envelope (${what(received, snippet(received))})`;
  return apiErrorFor({
    status,
    message: `${status} ${said} (${request.label})`,
    body,
    headers: received.headers,
    requestId: received.requestId,
    idempotencyKey: request.idempotencyKey,
    retryAfterMs: parseRetryAfter(
      received.retryAfter ?? received.headers.get("retry-after"),
      Date.now(),
    ),
  });
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

/**
 * What an invalid 2xx error carries: the problem, and what arrived. A failure's headers were
 * redacted with its body's secrets when it arrived (transport.ts); a 2xx's only now, for the error.
 */
function described(received: Received, request: RequestSummary, problem: string) {
  const bodyStart = snippet(received);
  const headers = redactHeaders(received.headers, received.redact);
  return {
    message: `HSRCPAY answered ${received.status} with ${problem} (${request.label}; ${what(received, bodyStart, headers)})`,
    status: received.status,
    contentType: headers.get("content-type"),
    bodyStart,
    headers,
    requestId: received.requestId === undefined ? undefined : received.redact(received.requestId),
    idempotencyKey: request.idempotencyKey,
  };
}

/** `content-type text/html, 1234 bytes: <html>…`; `start` is the redacted snippet. */
function what(received: Received, start: string, headers = received.headers): string {
  const type = headers.get("content-type");
  const size = received.truncated
    ? `over ${received.limit} bytes${lengthHeader(received)}, cut`
    : `${received.bytes} bytes`;
  return `${type ? `content-type ${type}` : "no content-type"}, ${size}${start ? `: ${start}` : ""}`;
}

function lengthHeader(received: Received): string {
  const declared = received.headers.get("content-length");
  return declared ? ` (content-length ${declared})` : "";
}

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
