// Guards every operation's params share: what would otherwise go out wrong (a blank id, a path
// segment that changes the path) or fail inside fetch as a bare error (a lone surrogate).
import { isObject } from "../envelope.js";
import { HsrcpayValidationError } from "../errors/validation-error.js";

// An unpaired UTF-16 surrogate cannot be encoded as UTF-8: encodeURIComponent throws on it.
const loneSurrogate = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

/** A non-blank, well-formed string (the spec's `minLength: 1, pattern: \S`). */
function checkString(value: unknown, field: string, what: string): string {
  if (typeof value !== "string" || value.trim() === "") {
    throw new HsrcpayValidationError(field, `is required: ${what}`);
  }
  if (loneSurrogate.test(value)) {
    throw new HsrcpayValidationError(field, "contains an unpaired UTF-16 surrogate");
  }
  return value;
}

export function checkAccountId(value: unknown): string {
  return checkString(value, "account_id", "the account's id (acct_…)");
}

/**
 * An API key id, sent as one percent-encoded path segment: `/`, `?` and `#` are encoded, and `.`
 * or `..`, which URL parsers resolve as dot segments even when encoded, are refused (as the spec's
 * pattern does).
 */
export function checkId(value: unknown): string {
  const id = checkString(value, "id", "the API key's id (key_…)");
  if (id === "." || id === "..") {
    throw new HsrcpayValidationError("id", "cannot be . or .., which would change the path");
  }
  return id;
}

/** The params object, with no field the operation does not have (own properties only). */
export function checkFields(
  params: unknown,
  fields: Readonly<Record<string, true>>,
  operation: string,
): Record<string, unknown> {
  if (!isObject(params)) throw new HsrcpayValidationError("params", "must be an object");
  for (const field of Object.keys(params)) {
    // Own properties only: `constructor` or `__proto__` are not fields because every object has them.
    if (!Object.hasOwn(fields, field)) {
      throw new HsrcpayValidationError(
        field,
        `is not a field of ${operation} (expected ${Object.keys(fields).join(", ")})`,
      );
    }
  }
  return params;
}
