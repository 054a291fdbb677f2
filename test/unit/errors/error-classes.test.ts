// The error classes: each an HsrcpayError named after itself, and apiErrorFor picking the most
// specific class for a status.
import { describe, expect, it } from "vitest";
import { apiErrorFor } from "../../../src/errors/api-error.js";
import * as publicApi from "../../../src/index.js";
import { HsrcpayError } from "../../../src/index.js";
import { declaredErrorClasses, undeclaredErrorClasses } from "../../helpers/status-classes.js";

describe("the exported error classes", () => {
  const apiInit = {
    status: 500,
    message: "m",
    body: undefined,
    headers: new Headers(),
    requestId: undefined,
    idempotencyKey: undefined,
    retryAfter: undefined,
  };
  const invalidInit = {
    message: "m",
    status: 200,
    contentType: null,
    bodyBytes: 0,
    headers: new Headers(),
    requestId: undefined,
    idempotencyKey: undefined,
  };
  const samples: Record<string, Error> = {
    HsrcpayError: new publicApi.HsrcpayError("m"),
    HsrcpayApiError: new publicApi.HsrcpayApiError(apiInit),
    BadRequestError: new publicApi.BadRequestError(apiInit),
    AuthenticationError: new publicApi.AuthenticationError(apiInit),
    PermissionDeniedError: new publicApi.PermissionDeniedError(apiInit),
    NotFoundError: new publicApi.NotFoundError(apiInit),
    ConflictError: new publicApi.ConflictError(apiInit),
    UnprocessableEntityError: new publicApi.UnprocessableEntityError(apiInit),
    RateLimitError: new publicApi.RateLimitError(apiInit),
    InternalServerError: new publicApi.InternalServerError(apiInit),
    HsrcpayConnectionError: new publicApi.HsrcpayConnectionError("m"),
    HsrcpayTimeoutError: new publicApi.HsrcpayTimeoutError(5),
    HsrcpayAbortError: new publicApi.HsrcpayAbortError(),
    HsrcpayValidationError: new publicApi.HsrcpayValidationError("f", "is bad"),
    HsrcpayInvalidResponseError: new publicApi.HsrcpayInvalidResponseError(invalidInit),
    HsrcpayResponseTooLargeError: new publicApi.HsrcpayResponseTooLargeError({
      ...invalidInit,
      limit: 1024,
    }),
    HsrcpayRedirectError: new publicApi.HsrcpayRedirectError({
      ...apiInit,
      status: 307,
      location: "https://elsewhere.example/",
    }),
  };

  it("are exactly the error classes the package exports", () => {
    const exported = Object.entries(publicApi)
      .filter(([, value]) => typeof value === "function" && value.prototype instanceof Error)
      .map(([name]) => name);
    expect(exported.sort()).toEqual(Object.keys(samples).sort());
  });

  it.each(Object.entries(samples))(
    "%s is an HsrcpayError named after its class",
    (className, error) => {
      expect(error).toBeInstanceOf(HsrcpayError);
      expect(error).toBeInstanceOf(Error);
      expect(error.name).toBe(className);
      expect(error.constructor.name).toBe(className);
      expect(String(error)).toMatch(new RegExp(`^${className}: `));
    },
  );
});

/** What apiErrorFor gets for an answer with `status` and a 5 s Retry-After. */
const init = (status: number) => ({
  status,
  message: "m",
  body: undefined,
  headers: new Headers(),
  requestId: undefined,
  idempotencyKey: undefined,
  retryAfter: 5_000,
});

describe("apiErrorFor", () => {
  it.each([
    ...Object.entries(declaredErrorClasses).map(([s, c]) => [Number(s), c] as const),
    ...undeclaredErrorClasses,
    [599, publicApi.InternalServerError] as const,
    [499, publicApi.HsrcpayApiError] as const,
  ])("%i gives %o", (status, ErrorClass) => {
    const error = apiErrorFor(init(status));
    expect(error.constructor).toBe(ErrorClass);
    expect(error.status).toBe(status);
  });

  it("every API error carries retryAfter, in milliseconds, as given", () => {
    expect(apiErrorFor(init(429)).retryAfter).toBe(5_000);
    expect(apiErrorFor(init(503)).retryAfter).toBe(5_000);
    expect(apiErrorFor({ ...init(400), retryAfter: undefined }).retryAfter).toBeUndefined();
  });

  it("code, details and body come from the envelope; headers, request id and key as given", () => {
    const headers = new Headers({ "x-request-id": "req_1" });
    const body = {
      success: false as const,
      message: "failed",
      error: { code: 4221, message: "bad field", details: { field: "amount" } },
    };
    const error = apiErrorFor({
      ...init(422),
      body,
      headers,
      requestId: "req_1",
      idempotencyKey: "key_1",
    });
    expect(error.code).toBe(4221);
    expect(error.details).toEqual({ field: "amount" });
    expect(error.body).toEqual(body);
    expect(error.headers).toBe(headers);
    expect(error.requestId).toBe("req_1");
    expect(error.idempotencyKey).toBe("key_1");
    const bare = apiErrorFor(init(502));
    expect([bare.code, bare.details, bare.body]).toEqual([undefined, undefined, undefined]);
  });
});

describe("what each error says when made in the test itself", () => {
  it("an HsrcpayError is named HsrcpayError", () => {
    const error = new publicApi.HsrcpayError("m");
    expect(error.name).toBe("HsrcpayError");
    expect(String(error)).toBe("HsrcpayError: m");
  });

  it("a validation error names its field and class", () => {
    const error = new publicApi.HsrcpayValidationError("limit", "must be a whole number");
    expect(error.name).toBe("HsrcpayValidationError");
    expect(error.field).toBe("limit");
    expect(String(error)).toBe("HsrcpayValidationError: limit must be a whole number");
  });

  it("a timeout error says how long it waited, unless given a message", () => {
    const error = new publicApi.HsrcpayTimeoutError(1_500);
    expect(error.message).toBe("HSRCPAY did not answer within 1500 ms");
    expect(error.timeoutMs).toBe(1_500);
    expect(new publicApi.HsrcpayTimeoutError(5, "token function too slow").message).toBe(
      "token function too slow",
    );
  });

  it("an abort error says the caller aborted, and keeps the cause", () => {
    const cause = new Error("user left");
    const error = new publicApi.HsrcpayAbortError({ cause });
    expect(error.message).toBe("The request was aborted by the caller");
    expect(error.cause).toBe(cause);
  });

  it.each([
    [400, "BadRequestError"],
    [401, "AuthenticationError"],
    [403, "PermissionDeniedError"],
    [404, "NotFoundError"],
    [409, "ConflictError"],
    [422, "UnprocessableEntityError"],
    [429, "RateLimitError"],
  ])("apiErrorFor(%i) is a %s", (status, name) => {
    const error = apiErrorFor({ ...init(status), retryAfter: undefined });
    expect(error.name).toBe(name);
  });
});
