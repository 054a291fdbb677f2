// readData and apiError: a received answer becomes the envelope's data or the typed error that
// says what arrived. Driven with canned answers, as the transport would hand them over.
import { describe, expect, it } from "vitest";
import {
  HsrcpayApiError,
  HsrcpayInvalidResponseError,
  HsrcpayResponseTooLargeError,
  InternalServerError,
  RateLimitError,
} from "../../src/index.js";
import type { Received } from "../../src/internal/answer.js";
import {
  apiError,
  isObject,
  readData,
  readDeleted,
  tooLarge,
} from "../../src/internal/envelope.js";
import { redactorFor } from "../../src/internal/redact.js";
import { apiKeyData, errorEnvelope, successEnvelope, token } from "../helpers/fixtures.js";
import { rejectionOf } from "../helpers/rejection.js";
import { declaredErrorClasses, undeclaredErrorClasses } from "../helpers/status-classes.js";

const request = { label: "POST /v1/api-keys/", idempotencyKey: "idem-1" };
const isKey = (data: unknown): data is typeof apiKeyData =>
  isObject(data) && typeof data.id === "string";

function receivedOf(
  status: number,
  body: string | object,
  headers: Record<string, string> = {},
  cut: { truncated?: boolean; limit?: number } = {},
): Received {
  const text = typeof body === "string" ? body : JSON.stringify(body);
  const all = new Headers(headers);
  return {
    status,
    statusText: "",
    headers: all,
    requestId: all.get("x-request-id") ?? undefined,
    text,
    bytes: Buffer.byteLength(text),
    truncated: cut.truncated ?? false,
    limit: cut.limit ?? 4_194_304,
    redact: redactorFor(token),
    uncertain: false,
  };
}

/** What readData throws for `received`; fails when it returns data. */
function thrownBy(received: Received): unknown {
  return rejectionOf(Promise.resolve().then(() => readData(received, request, isKey)));
}

describe("readData: a success", () => {
  it.each([200, 201, 299])("%i gives the envelope's data and what the response said", (status) => {
    const { data, meta } = readData(
      receivedOf(status, successEnvelope(), { "x-request-id": "req_1" }),
      request,
      isKey,
    );
    expect(data).toEqual(apiKeyData);
    expect(meta).toMatchObject({
      status,
      message: "success",
      requestId: "req_1",
      idempotencyKey: "idem-1",
    });
    expect(meta.headers.get("x-request-id")).toBe("req_1");
  });

  it("an envelope without a string message still gives the data, with an empty message", () => {
    const { meta } = readData(
      receivedOf(201, { success: true, message: 7, data: apiKeyData }),
      request,
      isKey,
    );
    expect(meta.message).toBe("");
  });
});

describe("readData: a 2xx that is not the success envelope", () => {
  it.each([
    ["an HTML page", "<!doctype html><title>Login</title>", /201 with a body that is not JSON/],
    ["truncated JSON", '{"message":"success","success":true,"data":{"id":"k', /not JSON/],
    ["an empty body", "", /201 with an empty body/],
    ["an array", "[]", /JSON that is not an envelope object/],
    ["null", "null", /JSON that is not an envelope object/],
    [
      "success: false",
      errorEnvelope(500, "nope"),
      /an envelope with success: false \("nope"\), not the success envelope/,
    ],
    // The server's value is not shown, only its type: it could hold anything.
    ['success: "true"', { success: "true", data: apiKeyData }, /success: a string,? /],
    ["no data", { message: "success", success: true }, /without the expected data/],
    ["data the check refuses", successEnvelope({ name: "x" }), /without the expected data/],
  ])("%s is an HsrcpayInvalidResponseError saying so", async (_, body, pattern) => {
    const error = (await thrownBy(
      receivedOf(201, body, { "content-type": "text/html" }),
    )) as HsrcpayInvalidResponseError;
    expect(error).toBeInstanceOf(HsrcpayInvalidResponseError);
    expect(error.name).toBe("HsrcpayInvalidResponseError");
    expect(error).toMatchObject({
      status: 201,
      contentType: "text/html",
      idempotencyKey: "idem-1",
    });
    expect(error.message).toMatch(pattern);
    expect(error.message).toContain("(POST /v1/api-keys/; content-type text/html, ");
  });

  it("names what arrived: content type, size in bytes and the first characters", async () => {
    const html = `<html>${"<p>maintenance</p>\n".repeat(40)}</html>`;
    const error = (await thrownBy(
      receivedOf(200, html, { "content-type": "text/html; charset=utf-8" }),
    )) as HsrcpayInvalidResponseError;
    expect(error.message).toContain(
      `content-type text/html; charset=utf-8, ${Buffer.byteLength(html)} bytes: <html><p>maintenance</p> <p>`,
    );
    expect(error.bodyStart).toHaveLength(201);
    expect(error.bodyStart.endsWith("…")).toBe(true);
  });

  it("says when there was no content type", async () => {
    const error = (await thrownBy(receivedOf(201, "oops"))) as Error;
    expect(error.message).toContain("no content-type, 4 bytes: oops");
  });

  it("never shows the created key's plaintext or the token", async () => {
    const broken = `{"message":"${token}","success":"yes","data":{"id":"key_1","key":"${apiKeyData.key}"`;
    const error = (await thrownBy(receivedOf(201, broken))) as HsrcpayInvalidResponseError;
    expect(error.bodyStart).toContain('"key":"[redacted]"');
    expect(`${error.message}${error.stack}${error.bodyStart}`).not.toContain(apiKeyData.key);
    expect(`${error.message}${error.bodyStart}`).not.toContain(token);
  });
});

describe("readData: a body cut at the cap", () => {
  it("is an HsrcpayResponseTooLargeError naming the cap, even if what arrived parses", async () => {
    const error = (await thrownBy(
      receivedOf(
        201,
        successEnvelope(),
        { "content-length": "99999999" },
        { truncated: true, limit: 2048 },
      ),
    )) as HsrcpayResponseTooLargeError;
    expect(error).toBeInstanceOf(HsrcpayResponseTooLargeError);
    expect(error).toBeInstanceOf(HsrcpayInvalidResponseError);
    expect(error.limit).toBe(2048);
    expect(error.message).toContain("larger than the 2048-byte cap (maxResponseBytes)");
    expect(error.message).toContain("over 2048 bytes (content-length 99999999), cut");
  });

  it("tooLarge shows at most a snippet of a long body, with no secret cut in half", () => {
    // The token sits where a 16 KiB window would cut it: the margin drops it whole.
    const text = `${" ".repeat(16_380)}${token}${"y".repeat(50_000)}`;
    const error = tooLarge(receivedOf(201, text, {}, { truncated: true, limit: 65_536 }), request);
    expect(error.bodyStart.length).toBeLessThanOrEqual(201);
    expect(error.message).not.toContain(token.slice(0, 10));
  });
});

describe("apiError: a failure status", () => {
  it.each([
    ...Object.entries(declaredErrorClasses).map(([s, c]) => [Number(s), c] as const),
    ...undeclaredErrorClasses,
  ])("%i becomes %o with the envelope's code, message and details", (status, ErrorClass) => {
    const error = apiError(
      receivedOf(status, errorEnvelope(status, "Went wrong"), { "x-request-id": "req_9" }),
      request,
    );
    expect(error).toBeInstanceOf(ErrorClass);
    expect(error).toBeInstanceOf(HsrcpayApiError);
    expect(error.name).toBe(ErrorClass.name);
    expect(error).toMatchObject({
      status,
      code: status,
      details: { hint: "x" },
      requestId: "req_9",
      idempotencyKey: "idem-1",
    });
    expect(error.message).toBe(`${status} Went wrong (POST /v1/api-keys/)`);
    expect(error.body).toEqual(errorEnvelope(status, "Went wrong"));
  });

  it("readData throws it for any status outside 2xx", async () => {
    expect(await thrownBy(receivedOf(503, errorEnvelope(503)))).toBeInstanceOf(InternalServerError);
    expect(await thrownBy(receivedOf(199, errorEnvelope(199)))).toBeInstanceOf(HsrcpayApiError);
  });

  it("falls back to the top-level message when error.message is empty", () => {
    const error = apiError(
      receivedOf(404, {
        message: "Account not found",
        success: false,
        error: { code: 1004, message: "" },
      }),
      request,
    );
    expect(error.message).toBe("404 Account not found (POST /v1/api-keys/)");
    expect(error.code).toBe(1004);
    expect(error.details).toBeUndefined();
  });

  it("gives RateLimitError the Retry-After it was told", () => {
    const error = apiError(receivedOf(429, errorEnvelope(429), { "retry-after": "120" }), request);
    expect(error).toBeInstanceOf(RateLimitError);
    expect((error as RateLimitError).retryAfter).toBe(120_000);
  });

  it.each([
    ["a success envelope", successEnvelope()],
    ["success: true", { success: true, error: { code: 1, message: "m" } }],
    ["no error object", { success: false, message: "m" }],
    ["an error that is not an object", { success: false, error: "boom" }],
    ["a code that is not a number", { success: false, error: { code: "1", message: "m" } }],
    ["a message that is not a string", { success: false, error: { code: 1, message: 2 } }],
    [
      "details that are not an object",
      { success: false, error: { code: 1, message: "m", details: [] } },
    ],
  ])("a body with %s is not taken for the error envelope", (_, body) => {
    const error = apiError(receivedOf(400, body, { "content-type": "application/json" }), request);
    expect(error.body).toBeUndefined();
    expect(error.code).toBeUndefined();
    expect(error.message).toMatch(
      /^400 error; the body is not HSRCPAY's error envelope \(content-type application\/json, \d+ bytes: /,
    );
  });

  it.each([
    [
      "an HTML page",
      "text/html",
      "<html><h1>502 Bad Gateway</h1></html>",
      /text\/html, 37 bytes: <html><h1>502 Bad Gateway/,
    ],
    ["an empty body", null, "", /not HSRCPAY's error envelope \(no content-type, 0 bytes\)/],
  ])("a failure with %s keeps its class and says what arrived", (_, type, body, pattern) => {
    const error = apiError(receivedOf(502, body, type ? { "content-type": type } : {}), request);
    expect(error).toBeInstanceOf(InternalServerError);
    expect(error.message).toMatch(pattern);
  });

  it("uses the reason phrase when the body is not the envelope", () => {
    const received = { ...receivedOf(503, "down"), statusText: "Service Unavailable" };
    expect(apiError(received, request).message).toMatch(/^503 Service Unavailable; the body/);
  });

  it("does not parse a body cut at the cap, and says it was cut", () => {
    const error = apiError(
      receivedOf(503, errorEnvelope(503), {}, { truncated: true, limit: 65_536 }),
      request,
    );
    expect(error).toBeInstanceOf(InternalServerError);
    expect(error.body).toBeUndefined();
    expect(error.message).toContain("over 65536 bytes, cut");
  });

  it("redacts the token and key-shaped strings from the parsed body and the message", () => {
    const error = apiError(
      receivedOf(401, errorEnvelope(401, `bad ${token}`, { [token]: token })),
      request,
    );
    expect(JSON.stringify(error.body)).not.toContain(token);
    expect(error.message).not.toContain(token);
    expect(Object.keys(error.details ?? {})).toEqual(["sk_test_…9f2c"]);
  });
});

describe("the snippet of a body that is not the envelope", () => {
  const bodyStartOf = (body: string) => {
    try {
      readData(receivedOf(200, body), request, isKey);
    } catch (error) {
      return (error as HsrcpayInvalidResponseError).bodyStart;
    }
    throw new Error("expected readData to throw");
  };
  const tokenAt = (index: number) => token + " ".repeat(index - token.length);

  it.each([
    ["collapses and trims whitespace", "\n  <html>   hi\t\n", "<html> hi"],
    ["keeps a 200-character body whole", "x".repeat(200), "x".repeat(200)],
    ["cuts a 201-character body at 200", "x".repeat(201), `${"x".repeat(200)}…`],
    ["reads a body of exactly 16 KiB whole", `${" ".repeat(16_381)}end`, "end"],
    ["marks a longer body as cut", `abc${" ".repeat(20_000)}`, "abc…"],
    ["drops the last 8 KiB of the window", `${" ".repeat(10_000)}abc${" ".repeat(10_000)}`, "…"],
    [
      "drops them after redaction has shortened the window",
      `${tokenAt(8_203)}abc${" ".repeat(20_000)}`,
      "sk_test_…9f2c…",
    ],
    [
      "keeps what precedes the dropped part after redaction",
      `${tokenAt(8_180)}abc${" ".repeat(20_000)}`,
      "sk_test_…9f2c abc…",
    ],
  ])("%s", (_, body, expected) => {
    expect(bodyStartOf(body)).toBe(expected);
  });
});

// Found by the mutation run (#19): each case fails on a mutant of envelope.ts the tests above let
// live.
describe("readDeleted: what a delete's answer may be", () => {
  const deleted = (received: Received) =>
    rejectionOf(Promise.resolve().then(() => readDeleted(received, request)));

  it("299 is a success, like any 2xx", () => {
    expect(readDeleted(receivedOf(299, ""), request).status).toBe(299);
  });

  it("a body cut at the cap is too large, not read as a success or as not JSON", async () => {
    const error = await deleted(
      receivedOf(200, '{"success":true', {}, { truncated: true, limit: 15 }),
    );
    expect(error).toBeInstanceOf(HsrcpayResponseTooLargeError);
  });

  it("a body that is not JSON says so", async () => {
    const error = (await deleted(receivedOf(200, "<html>gone</html>"))) as Error;
    expect(error).toBeInstanceOf(HsrcpayInvalidResponseError);
    expect(error.message).toContain("a body that is not JSON");
  });
});

describe("an envelope whose success is missing or null", () => {
  it.each([
    ["missing", { message: "success", data: apiKeyData }, "success: undefined"],
    ["null", { message: "success", success: null, data: apiKeyData }, "success: null"],
  ])("%s is named as it is, not as a type", async (_, body, said) => {
    const error = (await thrownBy(receivedOf(201, body))) as Error;
    expect(error.message).toContain(`an envelope with ${said}`);
  });
});

describe("a success whose request id echoes the new key", () => {
  it("keeps the request id, with the key masked in it", () => {
    const { meta } = readData(
      receivedOf(201, successEnvelope(apiKeyData), { "x-request-id": `req-${apiKeyData.key}` }),
      request,
      isKey,
    );
    expect(meta.requestId).toMatch(/^req-/);
    expect(meta.requestId).not.toContain(apiKeyData.key);
  });
});
