// The parameters of apiKeys.create, typed from the spec and checked before anything is sent, so a
// mistake is reported with the field's name instead of as a 422 from the server (or worse, not at all).
import type { operations } from "../../generated/schema.js";
import { isObject } from "../envelope.js";
import { HsrcpayValidationError } from "../errors/validation-error.js";
import { checkAccountId, checkFields } from "./params.js";

type Operation = operations["createApiKey"];
export type CreateApiKeyBody = Operation["requestBody"]["content"]["application/json"];
export type CreateApiKeyQuery = Operation["parameters"]["query"];

/** The query parameter and the body fields of Create API key, in one object (wire names). */
export type CreateApiKeyParams = CreateApiKeyQuery & CreateApiKeyBody;

// The fields, checked by the compiler against the generated types in both directions: a field
// added to or removed from the spec breaks the build until this list follows.
const fields = {
  account_id: true,
  name: true,
  permissions: true,
  expires_at: true,
  metadata: true,
} as const satisfies Record<keyof CreateApiKeyParams, true>;

// RFC 3339 date-time, as the spec states it (`format: date-time` and its pattern, in
// CreateApiKeyRequest.yaml): a real calendar date, hours 00-23, offsets as ±hh:mm, a leap second
// only at 23:59:60 UTC.
const dateTime =
  /^(\d{4})-(\d{2})-(\d{2})[Tt ](\d{2}):(\d{2}):(\d{2})(?:\.\d+)?(?:[Zz]|([+-])(\d{2}):(\d{2}))$/;
const daysInMonth = [31, 29, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];

export function isDateTime(value: string): boolean {
  const m = dateTime.exec(value);
  if (!m) return false;
  const [year, month, day, hour, minute, second] = m.slice(1, 7).map(Number) as [
    number,
    number,
    number,
    number,
    number,
    number,
  ];
  const sign = m[7] === "-" ? -1 : 1;
  const [offH, offM] = [Number(m[8] ?? 0), Number(m[9] ?? 0)];
  const leapYear = year % 4 === 0 && (year % 100 !== 0 || year % 400 === 0);
  const maxDay = month === 2 && !leapYear ? 28 : daysInMonth[month - 1];
  if (maxDay === undefined || day < 1 || day > maxDay || offH > 23 || offM > 59) return false;
  if (hour > 23 || minute > 59) return false;
  if (second <= 59) return true;
  // 23:59:60 in UTC, wherever the offset puts it locally.
  const utcMinute = minute - offM * sign;
  const utcHour = hour - offH * sign - (utcMinute < 0 ? 1 : 0);
  return (
    second === 60 && (utcHour === 23 || utcHour === -1) && (utcMinute === 59 || utcMinute === -1)
  );
}

/** Validates params and splits them into the query and the body (with its JSON, checked to encode). */
export function prepareCreate(params: unknown): {
  query: CreateApiKeyQuery;
  body: CreateApiKeyBody;
  json: string;
} {
  const { account_id, ...body } = checkFields(params, fields, "Create API key");
  const accountId = checkAccountId(account_id);
  if (typeof body.name !== "string")
    throw new HsrcpayValidationError("name", "is required and must be a string");
  checkPermissions(body.permissions);
  const expires = body.expires_at;
  if (
    expires !== undefined &&
    expires !== null &&
    !(typeof expires === "string" && isDateTime(expires))
  ) {
    throw new HsrcpayValidationError(
      "expires_at",
      "must be an RFC 3339 date-time string (2027-12-31T23:59:59Z) or null",
    );
  }
  if (body.metadata !== undefined && !isObject(body.metadata)) {
    throw new HsrcpayValidationError("metadata", "must be an object");
  }
  let json: string;
  try {
    json = JSON.stringify(body);
  } catch (error) {
    // A BigInt or a cycle in metadata: JSON.stringify would throw a bare TypeError.
    throw new HsrcpayValidationError(
      "metadata",
      `cannot be sent as JSON (${(error as Error).message})`,
    );
  }
  return { query: { account_id: accountId }, body: body as CreateApiKeyBody, json };
}

function checkPermissions(permissions: unknown): void {
  if (!isObject(permissions)) {
    throw new HsrcpayValidationError(
      "permissions",
      "is required: an object mapping each resource to a list of actions",
    );
  }
  for (const [resource, actions] of Object.entries(permissions)) {
    if (!Array.isArray(actions)) {
      throw new HsrcpayValidationError(`permissions.${resource}`, "must be an array of strings");
    }
    // A plain loop, not forEach: forEach skips the holes of a sparse array, which JSON sends as null.
    for (let index = 0; index < actions.length; index++) {
      if (typeof actions[index] !== "string") {
        throw new HsrcpayValidationError(`permissions.${resource}[${index}]`, "must be a string");
      }
    }
  }
}
