// readData, readDeleted, apiError and debugStart (src/internal/answer.ts): a received answer becomes
// the envelope's data or the typed error that says what arrived, as structured fields only: the
// server's raw text never reaches the caller. Driven with canned answers, as the transport would
// hand them over.
import { describe, expect, it } from "vitest";
import { answers } from "../../generated/operations.js";
import {
  HsrcpayApiError,
  HsrcpayInvalidResponseError,
  HsrcpayResponseTooLargeError,
  InternalServerError,
  RateLimitError,
} from "../../src/index.js";
import {
  allowedHeaders,
  apiError,
  debugStart,
  headersOf,
  maskFor,
  metaOf,
  type Received,
  readData,
  readDeleted,
  tooLarge,
} from "../../src/internal/answer.js";
import { masked, maskOf, tokenForms } from "../../src/internal/mask.js";
import { answerRefusal } from "../../src/internal/operation.js";
import { apiKeyData, errorEnvelope, successEnvelope, token } from "../helpers/fixtures.js";
import { rejectionOf } from "../helpers/rejection.js";
import { declaredErrorClasses, undeclaredErrorClasses } from "../helpers/status-classes.js";

const request = { label: "POST /v1/api-keys/", idempotencyKey: "idem-1" };
const apiKeyAnswer = answers["POST /api-keys/"] ?? "";
const refuseKey = (data: unknown) => answerRefusal(data, apiKeyAnswer);

function receivedOf(
  status: number,
  body: string | object,
  headers: Record<string, string> = {},
  cut: { truncated?: boolean; limit?: number; secrets?: string[] } = {},
): Received {
  const text = typeof body === "string" ? body : JSON.stringify(body);
  return {
    status,
    headers: new Headers(headers),
    text,
    bytes: Buffer.byteLength(text),
    truncated: cut.truncated ?? false,
    limit: cut.limit ?? 4_194_304,
    secrets: [...tokenForms(token), ...(cut.secrets ?? [])],
    uncertain: false,
  };
}

/** What readData throws for `received`; fails when it returns data. */
function thrownBy(received: Received): unknown {
  return rejectionOf(Promise.resolve().then(() => readData(received, request, refuseKey)));
}

/** Everything an error hands the caller, as one string. */
function everything(error: unknown): string {
  const fields = error as Record<string, unknown>;
  const headers = fields.headers instanceof Headers ? [...fields.headers.entries()] : [];
  return JSON.stringify([String(error), (error as Error).stack, { ...fields }, headers]);
}

describe("readData: a success", () => {
  it.each([200, 201, 299])("%i gives the envelope's data and what the response said", (status) => {
    const { data, meta } = readData(
      receivedOf(status, successEnvelope(), { "x-request-id": "req_1", "retry-after": "3" }),
      request,
      refuseKey,
    );
    expect(data).toEqual(apiKeyData);
    expect(meta).toMatchObject({
      status,
      message: "success",
      requestId: "req_1",
      retryAfter: 3_000,
      idempotencyKey: "idem-1",
    });
    expect(meta.headers.get("x-request-id")).toBe("req_1");
  });

  it("hands on the allow-listed headers only: never a cookie or a header the server named", () => {
    const { meta } = readData(
      receivedOf(200, successEnvelope(), {
        "content-type": "application/json",
        "x-ratelimit-remaining": "99",
        ratelimit: "limit=100, remaining=99",
        "set-cookie": "session=abc",
        server: "nginx",
        "x-internal-trace": "10.0.0.7",
      }),
      request,
      refuseKey,
    );
    expect([...meta.headers.keys()].sort()).toEqual([
      "content-type",
      "ratelimit",
      "x-ratelimit-remaining",
    ]);
    expect(meta.retryAfter).toBeUndefined();
    expect(meta.requestId).toBeUndefined();
  });

  it("an envelope without a string message still gives the data, with an empty message", () => {
    const { meta } = readData(
      receivedOf(201, { success: true, message: 7, data: apiKeyData }),
      request,
      refuseKey,
    );
    expect(meta.message).toBe("");
  });

  it("a message other than success is handed on masked", () => {
    const { meta } = readData(
      receivedOf(201, { success: true, message: `made with ${token}`, data: apiKeyData }),
      request,
      refuseKey,
    );
    expect(meta.message).toBe(`made with ${masked}`);
  });
});

describe("readData: a 2xx that is not the success envelope", () => {
  const { key: _, ...keyless } = apiKeyData;
  it.each([
    ["an HTML page", "<!doctype html><title>Login</title>", "201 with a body that is not JSON"],
    ["truncated JSON", '{"message":"success","success":true,"data":{"id":"k', "not JSON"],
    ["an empty body", "", "201 with an empty body"],
    ["an array", "[]", "JSON that is not an envelope object"],
    ["null", "null", "JSON that is not an envelope object"],
    [
      "success: false",
      errorEnvelope(500, "nope"),
      "an envelope with success: false, not the success envelope",
    ],
    // The server's value is not shown, only its type: it could hold anything.
    [
      'success: "true"',
      { success: "true", data: apiKeyData },
      "an envelope with success: a string",
    ],
    [
      "no data",
      { message: "success", success: true },
      "an envelope whose data is not what the spec declares (the data must be object), not the success envelope",
    ],
    [
      "data without a required field",
      successEnvelope(keyless),
      "an envelope whose data is not what the spec declares (key is required), not the success envelope",
    ],
    [
      "data with a field of the wrong type",
      successEnvelope({ ...apiKeyData, managed: "false" }),
      "an envelope whose data is not what the spec declares (managed must be boolean)",
    ],
  ])("%s is an HsrcpayInvalidResponseError saying so", async (_, body, said) => {
    const error = (await thrownBy(
      receivedOf(201, body, { "content-type": "text/html" }),
    )) as HsrcpayInvalidResponseError;
    expect(error).toBeInstanceOf(HsrcpayInvalidResponseError);
    expect(error.name).toBe("HsrcpayInvalidResponseError");
    const text = typeof body === "string" ? body : JSON.stringify(body);
    expect(error).toMatchObject({
      status: 201,
      contentType: "text/html",
      bodyBytes: Buffer.byteLength(text),
      idempotencyKey: "idem-1",
    });
    expect(error.message).toContain(said);
    expect(error.message).toContain(
      `(POST /v1/api-keys/; content-type text/html, ${Buffer.byteLength(text)} bytes)`,
    );
  });

  it("names what arrived by its content type and size; the body's text appears nowhere", async () => {
    const html = `<html>${"<p>maintenance</p>\n".repeat(40)}</html>`;
    const error = (await thrownBy(
      receivedOf(200, html, { "content-type": "text/html; charset=utf-8", "x-request-id": "r" }),
    )) as HsrcpayInvalidResponseError;
    expect(error.message).toBe(
      `HSRCPAY answered 200 with a body that is not JSON, not the success envelope (POST /v1/api-keys/; content-type text/html; charset=utf-8, ${Buffer.byteLength(html)} bytes)`,
    );
    expect(error.bodyBytes).toBe(Buffer.byteLength(html));
    expect(error.requestId).toBe("r");
    expect(error.headers.get("content-type")).toBe("text/html; charset=utf-8");
    expect(everything(error)).not.toContain("maintenance");
    expect("bodyStart" in error).toBe(false);
  });

  it("says when there was no content type", async () => {
    const error = (await thrownBy(receivedOf(201, "oops"))) as Error;
    expect(error.message).toContain("no content-type, 4 bytes)");
    expect(error.message).not.toContain("oops");
  });

  it("never shows the created key's plaintext or the token", async () => {
    const broken = `{"message":"${token}","success":"yes","data":{"id":"key_1","key":"${apiKeyData.key}"`;
    const error = await thrownBy(
      receivedOf(201, broken, { "x-request-id": `req-${token}`, "content-type": token }),
    );
    expect(error).toBeInstanceOf(HsrcpayInvalidResponseError);
    expect(everything(error)).not.toContain(apiKeyData.key);
    expect(everything(error)).not.toContain(token);
    expect((error as HsrcpayInvalidResponseError).requestId).toBe(`req-${masked}`);
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
    expect(error.message).toContain("no content-type, over 2048 bytes, cut)");
    // content-length is a framing header: not handed on.
    expect(error.headers.has("content-length")).toBe(false);
  });

  it("tooLarge shows nothing of the body, so no secret in it either", () => {
    const text = `${" ".repeat(16_380)}${token}${"y".repeat(50_000)}`;
    const error = tooLarge(receivedOf(201, text, {}, { truncated: true, limit: 65_536 }), request);
    expect(error.bodyBytes).toBe(Buffer.byteLength(text));
    expect(everything(error)).not.toContain(token.slice(0, 10));
    expect(everything(error)).not.toContain("yyyy");
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

  it("body is rebuilt from the envelope's fields: nothing else the server put in it", () => {
    const sent = {
      ...errorEnvelope(400, "Bad"),
      trace: "at db.query (/srv/app.js:12)",
      error: { code: 4001, message: "Bad", internal: "pg: relation missing" },
    };
    const error = apiError(receivedOf(400, sent), request);
    expect(error.body).toEqual({
      success: false,
      message: "Bad",
      error: { code: 4001, message: "Bad" },
    });
    expect(everything(error)).not.toContain("relation missing");
    expect(everything(error)).not.toContain("db.query");
  });

  it("readData throws it for any status outside 2xx", async () => {
    expect(await thrownBy(receivedOf(503, errorEnvelope(503)))).toBeInstanceOf(InternalServerError);
    expect(await thrownBy(receivedOf(418, errorEnvelope(418)))).toBeInstanceOf(HsrcpayApiError);
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

  it("carries the Retry-After it was told, in milliseconds, on every class", () => {
    const limited = apiError(
      receivedOf(429, errorEnvelope(429), { "retry-after": "120" }),
      request,
    );
    expect(limited).toBeInstanceOf(RateLimitError);
    expect(limited.retryAfter).toBe(120_000);
    const down = apiError(receivedOf(503, errorEnvelope(503), { "retry-after": "7" }), request);
    expect(down.retryAfter).toBe(7_000);
    expect(apiError(receivedOf(503, errorEnvelope(503)), request).retryAfter).toBeUndefined();
  });

  it("its headers are the allow-listed ones, masked", () => {
    const error = apiError(
      receivedOf(429, errorEnvelope(429), {
        "retry-after": "1",
        "x-ratelimit-reset": `1700000000 ${token}`,
        "set-cookie": "session=abc",
        "x-powered-by": "Express",
        "www-authenticate": `Bearer error="invalid_token" ${token}`,
      }),
      request,
    );
    expect([...error.headers.keys()].sort()).toEqual(["retry-after", "x-ratelimit-reset"]);
    expect(error.headers.get("x-ratelimit-reset")).toBe(`1700000000 ${masked}`);
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
    const text = JSON.stringify(body);
    const error = apiError(receivedOf(400, body, { "content-type": "application/json" }), request);
    expect(error.body).toBeUndefined();
    expect(error.code).toBeUndefined();
    expect(error.message).toBe(
      `400 from HSRCPAY; the body is not HSRCPAY's error envelope (content-type application/json, ${Buffer.byteLength(text)} bytes) (POST /v1/api-keys/)`,
    );
  });

  it.each([
    [
      "an HTML page",
      "text/html",
      "<html><h1>502 Bad Gateway</h1></html>",
      "(content-type text/html, 37 bytes)",
    ],
    ["an empty body", null, "", "(no content-type, 0 bytes)"],
  ])(
    "a failure with %s keeps its class and says what arrived, not its text",
    (_, type, body, said) => {
      const error = apiError(receivedOf(502, body, type ? { "content-type": type } : {}), request);
      expect(error).toBeInstanceOf(InternalServerError);
      expect(error.message).toBe(
        `502 from HSRCPAY; the body is not HSRCPAY's error envelope ${said} (POST /v1/api-keys/)`,
      );
      expect(everything(error)).not.toContain("Bad Gateway");
    },
  );

  it("does not parse a body cut at the cap, and says it was cut", () => {
    const error = apiError(
      receivedOf(503, errorEnvelope(503), {}, { truncated: true, limit: 65_536 }),
      request,
    );
    expect(error).toBeInstanceOf(InternalServerError);
    expect(error.body).toBeUndefined();
    expect(error.message).toContain("over 65536 bytes, cut");
  });

  it("masks the token and key-shaped strings in the message, the details' values and keys", () => {
    const error = apiError(
      receivedOf(
        401,
        errorEnvelope(401, `bad ${token}`, {
          [token]: token,
          other: "pk_live_abcDEF123",
          nested: [{ hint: `see ${encodeURIComponent(token)}` }],
        }),
      ),
      request,
    );
    expect(everything(error)).not.toContain(token);
    expect(everything(error)).not.toContain("pk_live_abcDEF123");
    expect(error.message).toBe(`401 bad ${masked} (POST /v1/api-keys/)`);
    expect(error.details).toEqual({
      [masked]: masked,
      other: masked,
      nested: [{ hint: `see ${masked}` }],
    });
    expect(error.body?.message).toBe(`bad ${masked}`);
  });

  it("masks the request's secret values and card numbers; the code is as sent", () => {
    const error = apiError(
      receivedOf(
        422,
        {
          success: false,
          message: "Card 4111 1111 1111 1111 declined",
          error: {
            code: 4111111111111111,
            message: "security code 0737 is wrong for hunter2-secret-value",
            details: {
              given: 737,
              number: 4111111111111111,
              big: 2 ** 60,
              spelled: "４１１１１１１１１１１１１１１１",
              ok: 12,
              order: 100000000000,
              word: "id 07370",
              glued: "cvv0737",
            },
          },
        },
        {},
        { secrets: ["0737", "HUNTER2-SECRET-VALUE"] },
      ),
      request,
    );
    expect(error.code).toBe(4111111111111111);
    expect(error.body?.message).toBe(`Card ${masked} declined`);
    expect(error.message).toBe(
      `422 security code ${masked} is wrong for ${masked} (POST /v1/api-keys/)`,
    );
    expect(error.details).toEqual({
      given: masked,
      number: masked,
      big: masked,
      spelled: masked,
      ok: 12,
      order: 100000000000,
      word: "id 07370",
      glued: `cvv${masked}`,
    });
  });

  it("masks every value under a secret field name in the answer, wherever it is echoed", () => {
    const error = apiError(
      receivedOf(409, {
        success: false,
        message: "conflict",
        error: {
          code: 409,
          message: "whsec_zz81Kq2Lm7Np4Vb6 is taken (cvv 321)",
          details: { secret: "whsec_zz81Kq2Lm7Np4Vb6", cvv: 321, nested: { pan: ["x"] } },
        },
      }),
      request,
    );
    expect(error.message).toBe(`409 ${masked} is taken (cvv ${masked}) (POST /v1/api-keys/)`);
    expect(error.details).toEqual({ secret: masked, cvv: masked, nested: { pan: masked } });
  });
});

describe("readDeleted: what a delete's answer may be", () => {
  const deleted = (received: Received) =>
    rejectionOf(Promise.resolve().then(() => readDeleted(received, request)));

  it("299 is a success, like any 2xx", () => {
    expect(readDeleted(receivedOf(299, ""), request).status).toBe(299);
  });

  it("a void envelope, JSON null and a deleted object in data are successes", () => {
    expect(
      readDeleted(receivedOf(200, { success: true, message: "success" }), request).message,
    ).toBe("success");
    expect(readDeleted(receivedOf(200, "null"), request).status).toBe(200);
    expect(readDeleted(receivedOf(200, successEnvelope(apiKeyData)), request).status).toBe(200);
  });

  it("a body cut at the cap is too large, not read as a success or as not JSON", async () => {
    const error = await deleted(
      receivedOf(200, '{"success":true', {}, { truncated: true, limit: 15 }),
    );
    expect(error).toBeInstanceOf(HsrcpayResponseTooLargeError);
  });

  it("a body that is not JSON says so, without its text", async () => {
    const error = (await deleted(receivedOf(200, "<html>gone</html>"))) as Error;
    expect(error).toBeInstanceOf(HsrcpayInvalidResponseError);
    expect(error.message).toContain("a body that is not JSON");
    expect(error.message).not.toContain("gone");
  });

  it("a 2xx with success: false is an invalid response; a 4xx is the API error", async () => {
    const failed = (await deleted(receivedOf(200, errorEnvelope(500)))) as Error;
    expect(failed).toBeInstanceOf(HsrcpayInvalidResponseError);
    expect(failed.message).toContain("an envelope with success: false");
    expect(await deleted(receivedOf(404, errorEnvelope(404)))).toBeInstanceOf(HsrcpayApiError);
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
      refuseKey,
    );
    expect(meta.requestId).toBe(`req-${masked}`);
  });

  it("request-id is read when x-request-id is absent", () => {
    const meta = metaOf(receivedOf(200, "", { "request-id": "req_2" }), request);
    expect(meta.requestId).toBe("req_2");
    const both = metaOf(receivedOf(200, "", { "request-id": "b", "x-request-id": "a" }), request);
    expect(both.requestId).toBe("a");
  });
});

describe("maskFor and headersOf", () => {
  it("masks the call's secrets and the answer's own secret fields", () => {
    const received = receivedOf(
      201,
      successEnvelope(apiKeyData),
      {},
      { secrets: ["hunter2-pass"] },
    );
    const mask = maskFor(received);
    expect(mask(`a ${token} b ${apiKeyData.key} c HUNTER2-PASS`)).toBe(
      `a ${masked} b ${masked} c ${masked}`,
    );
    expect(mask("nothing here")).toBe("nothing here");
  });

  it("headersOf keeps only the allow-listed names, each masked", () => {
    const all = Object.fromEntries([...allowedHeaders].map((name) => [name, `v ${token}`]));
    const headers = headersOf(
      new Headers({ ...all, "set-cookie": "a=b", "x-custom": "c" }),
      maskOf(tokenForms(token)),
    );
    expect([...headers.keys()].sort()).toEqual([...allowedHeaders].sort());
    for (const value of headers.values()) expect(value).toBe(`v ${masked}`);
  });
});

describe("debugStart: a failure body's start, for debug lines only", () => {
  it.each([
    ["collapses and trims whitespace", "\n  <html>   hi\t\n", "<html> hi"],
    ["keeps a 200-character body whole", "x".repeat(200), "x".repeat(200)],
    ["cuts a 201-character body at 200", "x".repeat(201), `${"x".repeat(200)}…`],
    ["masks the token in text", `denied for ${token}`, `denied for ${masked}`],
    [
      "re-renders JSON from its parsed, masked value",
      `{ "message" : "bad ${token}",\n "n": 1 }`,
      `{"message":"bad ${masked}","n":1}`,
    ],
    [
      "masks a secret field's value in JSON cut short",
      `{"key":"${apiKeyData.key}","more":"`,
      `{"key":"${masked}","more":"`,
    ],
    [
      "masks a secret field's value and a card number under any name",
      '{"pan": 4111111111111111, "n": 4111111111111111, "s": "4111-1111-1111-1111", "ok": 42}',
      `{"pan":"${masked}","n":"${masked}","s":"${masked}","ok":42}`,
    ],
  ])("%s", (_, body, expected) => {
    expect(debugStart(receivedOf(500, body))).toBe(expected);
  });
});
