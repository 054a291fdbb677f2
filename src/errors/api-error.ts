import type { components } from "../../generated/schema.js";
import { HsrcpayError } from "./hsrcpay-error.js";

type ErrorEnvelope = components["schemas"]["ErrorEnvelope"];

export interface ApiErrorInit {
  status: number;
  /** Already composed and masked by the caller. */
  message: string;
  /** The error envelope's fields, masked, when the body was one. */
  body: ErrorEnvelope | undefined;
  headers: Headers;
  requestId: string | undefined;
  idempotencyKey: string | undefined;
  /** From Retry-After, in milliseconds, when the server sent one. */
  retryAfter: number | undefined;
}

/**
 * HSRCPAY answered with a failure status. `code`, `details` and `body` (the envelope's success,
 * message and error, nothing else of it) are set when the body was HSRCPAY's error envelope; a
 * proxy's HTML page leaves them undefined, and the message gives its content type and size.
 * Strings the server sent are masked (see the README's Security section); `code` is as sent.
 */
export class HsrcpayApiError extends HsrcpayError {
  override name = "HsrcpayApiError";
  readonly status: number;
  /** `error.code` from the envelope; HSRCPAY does not say whether it mirrors the status. */
  readonly code: number | undefined;
  readonly details: Record<string, unknown> | undefined;
  readonly body: ErrorEnvelope | undefined;
  /** The allow-listed headers only: content type, request id, Retry-After, rate limits. */
  readonly headers: Headers;
  readonly requestId: string | undefined;
  readonly idempotencyKey: string | undefined;
  /** How long the server asked to wait (Retry-After), in milliseconds, when it said. */
  readonly retryAfter: number | undefined;

  constructor(init: ApiErrorInit) {
    super(init.message);
    this.status = init.status;
    this.code = init.body?.error.code;
    this.details = init.body?.error.details;
    this.body = init.body;
    this.headers = init.headers;
    this.requestId = init.requestId;
    this.idempotencyKey = init.idempotencyKey;
    this.retryAfter = init.retryAfter;
  }
}

/** 400: the request could not be read. Fix it; retrying unchanged cannot help. */
export class BadRequestError extends HsrcpayApiError {
  override name = "BadRequestError";
}
/** 401: the bearer token is missing, malformed, expired or revoked. */
export class AuthenticationError extends HsrcpayApiError {
  override name = "AuthenticationError";
}
/** 403: the credential lacks a permission (creating keys needs `account:api:key:create`). */
export class PermissionDeniedError extends HsrcpayApiError {
  override name = "PermissionDeniedError";
}
/** 404: the account (or another named resource) does not exist for this credential. */
export class NotFoundError extends HsrcpayApiError {
  override name = "NotFoundError";
}
/** 409: idempotency conflict. Read the outcome with the same Idempotency-Key; never mint a new one. */
export class ConflictError extends HsrcpayApiError {
  override name = "ConflictError";
}
/** 422: the payload was read but is invalid. */
export class UnprocessableEntityError extends HsrcpayApiError {
  override name = "UnprocessableEntityError";
}
/** 429: rate limited, still so after the client's retries. */
export class RateLimitError extends HsrcpayApiError {
  override name = "RateLimitError";
}
/** 5xx: HSRCPAY or a proxy in front of it failed, still so after the client's retries. */
export class InternalServerError extends HsrcpayApiError {
  override name = "InternalServerError";
}

const byStatus: Record<number, typeof HsrcpayApiError> = {
  400: BadRequestError,
  401: AuthenticationError,
  403: PermissionDeniedError,
  404: NotFoundError,
  409: ConflictError,
  422: UnprocessableEntityError,
  429: RateLimitError,
};

/** The most specific class for a status; a status the spec does not declare gets the base. */
export function apiErrorFor(init: ApiErrorInit): HsrcpayApiError {
  const ErrorClass =
    byStatus[init.status] ?? (init.status >= 500 ? InternalServerError : HsrcpayApiError);
  return new ErrorClass(init);
}
