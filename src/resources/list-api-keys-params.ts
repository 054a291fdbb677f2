// The parameters of apiKeys.list, typed from the spec and checked as the spec states them:
// `page` 1 or more, `limit` 1 to 100, `managed` a boolean.
import type { operations } from "../../generated/schema.js";
import { HsrcpayValidationError } from "../errors/validation-error.js";
import { checkAccountId, checkFields } from "./params.js";

export type ListApiKeysParams = operations["listApiKeys"]["parameters"]["query"];

const fields = {
  account_id: true,
  page: true,
  limit: true,
  managed: true,
} as const satisfies Record<keyof ListApiKeysParams, true>;

export function prepareList(params: unknown): ListApiKeysParams & { page: number } {
  const { account_id, page = 1, limit, managed } = checkFields(params, fields, "List API keys");
  checkInteger(page, "page", 1, Number.MAX_SAFE_INTEGER);
  if (limit !== undefined) checkInteger(limit, "limit", 1, 100);
  if (managed !== undefined && typeof managed !== "boolean") {
    throw new HsrcpayValidationError("managed", "must be true, false or left out");
  }
  return {
    account_id: checkAccountId(account_id),
    page: page as number,
    ...(limit === undefined ? {} : { limit: limit as number }),
    ...(managed === undefined ? {} : { managed }),
  };
}

function checkInteger(value: unknown, field: string, min: number, max: number): void {
  if (!Number.isInteger(value) || (value as number) < min || (value as number) > max) {
    throw new HsrcpayValidationError(field, `must be a whole number from ${min} to ${max}`);
  }
}
