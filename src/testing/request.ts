// A request checked against the spec as HSRCPAY would check it: the bearer credential, an
// Idempotency-Key on writes, a JSON body where one is required and none on a GET, each query
// parameter once, and the params by the client's own generated checks.
import { HsrcpayValidationError } from "../errors/validation-error.js";
import { check, type Rule } from "../internal/checks.js";
import type { MockCall } from "./call.js";
import type { Route } from "./routes.js";

/** What is wrong with a request: the status it is answered with, the field, the problem. */
export interface Refusal {
  status: number;
  field: string;
  problem: string;
}

const refusal = (status: number, field: string, problem: string): Refusal => ({
  status,
  field,
  problem,
});

/** A query value as the spec types it (`limit=10` is the number 10), or the string as sent. */
function queryValue(text: string, rule: Rule | undefined): unknown {
  const types = typeof rule?.type === "string" ? [rule.type] : (rule?.type ?? []);
  if (types.includes("boolean") && (text === "true" || text === "false")) return text === "true";
  if ((types.includes("integer") || types.includes("number")) && /^-?\d+(\.\d+)?$/.test(text)) {
    return Number(text);
  }
  return text;
}

/** The refusal of a request the spec does not allow, if it is one. */
export function checkRequest(
  route: Route,
  call: MockCall,
  params: Record<string, string>,
  url: URL,
  raw: Headers,
  text: string,
): Refusal | undefined {
  // RFC 9110 §11.1: the scheme is case-insensitive; RFC 6750: one or more spaces before the token.
  if (!/^bearer +\S+$/i.test(raw.get("authorization") ?? "")) {
    return refusal(401, "authorization", "must be a bearer credential");
  }
  if (call.method !== "GET" && !raw.get("idempotency-key")) {
    return refusal(400, "idempotency-key", "must be sent on every write");
  }
  if (call.method === "GET" && text !== "") {
    return refusal(400, "body", "is not allowed on a GET");
  }
  if (text === "" && route.bodyRequired) {
    return refusal(422, "body", `is required by ${route.key}`);
  }
  const contentType = raw.get("content-type") ?? "";
  if (text !== "" && !/^application\/(?:[\w.+-]+\+)?json\s*(?:;|$)/i.test(contentType)) {
    return refusal(415, "content-type", "must be application/json");
  }
  const { params: rule, path = [], query = [] } = route.operation;
  const placeOf = (name: string) =>
    query.includes(name)
      ? "query"
      : path.includes(name)
        ? "path"
        : Object.hasOwn(rule.properties ?? {}, name)
          ? "body"
          : undefined;
  const operation = route.key;
  const given: Record<string, unknown> = { ...params };
  for (const name of new Set(url.searchParams.keys())) {
    if (url.searchParams.getAll(name).length > 1) {
      return refusal(422, name, "is sent more than once (no query parameter is a list)");
    }
    const place = placeOf(name);
    if (place !== undefined && place !== "query") {
      return refusal(422, name, `is not a query parameter of ${operation}`);
    }
    given[name] = queryValue(call.query[name] as string, rule.properties?.[name]);
  }
  const { body } = call;
  if (body !== undefined) {
    if (typeof body !== "object" || body === null || Array.isArray(body)) {
      return refusal(400, "body", "must be a JSON object");
    }
    for (const [name, value] of Object.entries(body)) {
      if (placeOf(name) !== "body")
        return refusal(422, name, `is not a body field of ${operation}`);
      given[name] = value;
    }
  }
  try {
    check(given, rule, "", operation);
  } catch (error) {
    if (!(error instanceof HsrcpayValidationError)) throw error;
    return refusal(422, error.field, error.message.slice(error.field.length + 1));
  }
  return undefined;
}
