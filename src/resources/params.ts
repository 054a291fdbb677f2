// The API-key params' own checks, over the generic guards in ../guards.ts.
import { isObject } from "../envelope.js";
import { HsrcpayValidationError } from "../errors/validation-error.js";
import { checkSegment, checkString } from "../guards.js";

export function checkAccountId(value: unknown): string {
  return checkString(value, "account_id", "the account's id (acct_…)");
}

/**
 * An API key id, sent as one percent-encoded path segment: `/`, `?` and `#` are encoded, and `.`
 * or `..`, which URL parsers resolve as dot segments even when encoded, are refused (as the spec's
 * pattern does).
 */
export function checkId(value: unknown): string {
  return checkSegment(value, "id", "the API key's id (key_…)");
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
