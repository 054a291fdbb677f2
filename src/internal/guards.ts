// The generic guards that protect the wire, shared by every operation and by `raw`: what would
// otherwise go out wrong (a blank value, a path parameter that moves the path) or fail inside fetch
// as a bare error (a lone surrogate, which cannot be encoded as UTF-8).
import { HsrcpayValidationError } from "../errors/validation-error.js";

// An unpaired UTF-16 surrogate cannot be encoded as UTF-8: encodeURIComponent throws on it.
const loneSurrogate = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

export const unpairedSurrogate = "contains an unpaired UTF-16 surrogate";

/** Whether a string can be encoded as UTF-8 (fetch and encodeURIComponent would throw on it). */
export function isWellFormed(value: string): boolean {
  return !loneSurrogate.test(value);
}

/** Refuses a string that cannot be encoded as UTF-8 (fetch and encodeURIComponent would throw). */
export function checkWellFormed(value: string, field: string): void {
  if (!isWellFormed(value)) throw new HsrcpayValidationError(field, unpairedSurrogate);
}

/**
 * A value sent as one path segment: a well-formed string that is not `.` or `..`, which URL
 * parsers resolve as dot segments (even percent-encoded) and so would move the request to another
 * path. Encoding it (see `serializePath`) keeps `/`, `?` and `#` inside the segment.
 */
export function checkSegment(value: unknown, field: string, what: string): string {
  if (typeof value !== "string" || value.trim() === "") {
    const problem = value == null || typeof value === "string" ? "is required" : "must be a string";
    throw new HsrcpayValidationError(field, `${problem}: ${what}`);
  }
  checkWellFormed(value, field);
  if (value === "." || value === "..") {
    throw new HsrcpayValidationError(field, "cannot be . or .., which would change the path");
  }
  return value;
}

const templateParam = /\{([^}]+)\}/g;

/**
 * openapi-fetch's path serializer for every call, `raw` included: each `{name}` of the spec's path
 * template is filled with its checked, percent-encoded value. The spec's path parameters are all
 * simple strings. (`url` is the base URL and the template: the base URL has no braces, since the
 * URL parser percent-encodes them.)
 */
export function serializePath(url: string, values: Record<string, unknown> | undefined): string {
  if (!url.includes("{")) return url;
  return url.replace(templateParam, (_, name: string) => {
    // Own properties only: a field on `Object.prototype` is no path parameter.
    const value = values !== undefined && Object.hasOwn(values, name) ? values[name] : undefined;
    return encodeURIComponent(checkSegment(value, `params.path.${name}`, pathParam(name)));
  });
}

/**
 * openapi-fetch calls the path serializer only when the call has `params.path`: a URL that still
 * holds a `{name}` (as `%7Bname%7D` in a Request's URL) had a path parameter left out, and is refused rather than sent as `%7Bname%7D`.
 */
export function checkPathFilled(url: string): void {
  const path = url.split(/[?#]/, 1)[0] as string;
  // A Request's URL has the braces percent-encoded.
  const missing = /\{([^}]+)\}|%7B(.+?)%7D/i.exec(path);
  if (missing) {
    const name = (missing[1] ?? missing[2]) as string;
    checkSegment(undefined, `params.path.${name}`, pathParam(name));
  }
}

const pathParam = (name: string) => `the {${name}} path parameter`;
