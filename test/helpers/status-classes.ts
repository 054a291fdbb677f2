// The error class a user should get for each failure status, written out here rather than read
// from src/, so that a test never takes its expected values from the code it checks.
import {
  AuthenticationError,
  BadRequestError,
  ConflictError,
  HsrcpayApiError,
  InternalServerError,
  NotFoundError,
  PermissionDeniedError,
  RateLimitError,
  UnprocessableEntityError,
} from "../../src/index.js";

/** Every failure status the spec declares, with its class. */
export const declaredErrorClasses: Record<string, typeof HsrcpayApiError> = {
  "400": BadRequestError,
  "401": AuthenticationError,
  "403": PermissionDeniedError,
  "404": NotFoundError,
  "409": ConflictError,
  "422": UnprocessableEntityError,
  "429": RateLimitError,
  "500": InternalServerError,
};

/** Statuses the spec does not declare (its `default` response), with their class. */
export const undeclaredErrorClasses: [number, typeof HsrcpayApiError][] = [
  [402, HsrcpayApiError],
  [418, HsrcpayApiError],
  [502, InternalServerError],
  [503, InternalServerError],
];
