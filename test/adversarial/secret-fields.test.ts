import fc from "fast-check";
import { afterEach, describe, expect, it } from "vitest";
import {
  BadRequestError,
  ConflictError,
  type CreateWebhookParams,
  HsrcpayInvalidResponseError,
  HsrcpayRedirectError,
} from "../../src/index.js";
import {
  type Fault,
  type FaultServer,
  sendRaw,
  startFaultServer,
} from "../helpers/fault-server.js";
import { params, token } from "../helpers/fixtures.js";
import { loggedClient } from "../helpers/logged-client.js";
import { printed } from "../helpers/printed.js";
import { rejectionOf } from "../helpers/rejection.js";

// A key in a format the client has never seen: nothing about it says "secret" but its field name.
const managedKey = "hsk_mgd_7Qz3Lw9Xv2Rt8Np4Km6Jb1Hc";

let server: FaultServer | undefined;
afterEach(async () => {
  await server?.close();
  server = undefined;
});

async function clientFor(fault: Fault, secret = token) {
  server = await startFaultServer(fault);
  return loggedClient(server.baseUrl, { token: secret });
}

const answer = sendRaw;

const envelope = (status: number, details: string, message = "Key already exists") =>
  `{"message":"${message}","success":false,"error":{"code":${status},"message":"${message}","details":${details}}}`;

describe("a key field's value is masked wherever it appears", () => {
  it("a 409 envelope with the key in details, message and the request id; other headers dropped", async () => {
    const { hsrcpay, log } = await clientFor((res) =>
      answer(
        res,
        409,
        envelope(409, `{"key":"${managedKey}","note":"taken by ${managedKey}"}`, "conflict"),
        { "x-conflicting-key": managedKey, "x-request-id": `req_${managedKey}` },
      ),
    );
    const error = await rejectionOf(hsrcpay.apiKeys.create(params));
    expect(error).toBeInstanceOf(ConflictError);
    const conflict = error as ConflictError;
    expect(conflict.details).toEqual({ key: "[redacted]", note: "taken by [redacted]" });
    expect(conflict.requestId).toBe("req_[redacted]");
    expect(conflict.headers.get("x-conflicting-key")).toBeNull();
    expect(printed(error)).not.toContain(managedKey);
    expect(log.text()).not.toContain(managedKey);
  });

  it("nested deep in details, and in the message the error's own message is made from", async () => {
    const { hsrcpay } = await clientFor((res) =>
      answer(
        res,
        400,
        envelope(
          400,
          `{"items":[{"attempts":[{"key":"${managedKey}"}]}]}`,
          `key ${managedKey} is malformed`,
        ),
      ),
    );
    const error = (await rejectionOf(hsrcpay.apiKeys.create(params))) as BadRequestError;
    expect(error).toBeInstanceOf(BadRequestError);
    expect(error.message).toContain("key [redacted] is malformed");
    expect(error.details).toEqual({ items: [{ attempts: [{ key: "[redacted]" }] }] });
    expect(JSON.stringify(error.body)).not.toContain(managedKey);
    expect(printed(error)).not.toContain(managedKey);
  });

  it("a key in a body that does not parse, echoed beside it: in no error and no log line", async () => {
    const { hsrcpay, log } = await clientFor((res) =>
      answer(res, 500, `{"message":"boom","key":"${managedKey}","again":"${managedKey}`),
    );
    const error = await rejectionOf(hsrcpay.apiKeys.create(params));
    expect(error).toHaveProperty("status", 500);
    expect(printed(error)).not.toContain(managedKey);
    expect(log.text()).not.toContain(managedKey);
  });

  it("an invalid 2xx (success: false) carrying a key: described by type and size, showing none", async () => {
    const body = `{"message":"refused ${managedKey}","success":false,"data":{"key":"${managedKey}"}}`;
    const { hsrcpay, log } = await clientFor((res) =>
      answer(res, 200, body, { "x-echo": managedKey, "x-request-id": managedKey }),
    );
    const error = (await rejectionOf(
      hsrcpay.apiKeys.create(params),
    )) as HsrcpayInvalidResponseError;
    expect(error).toBeInstanceOf(HsrcpayInvalidResponseError);
    expect(error.message).toContain("an envelope with success: false");
    expect(error.message).toContain(`content-type application/json, ${body.length} bytes`);
    expect(error.message).not.toContain("refused");
    expect(error.bodyBytes).toBe(body.length);
    expect(error.requestId).toBe("[redacted]");
    expect(error.headers.get("x-echo")).toBeNull();
    expect(printed(error)).not.toContain(managedKey);
    expect(log.text()).not.toContain(managedKey);
  });

  it("raw: a failure body and its headers come back with the key masked", async () => {
    const { hsrcpay } = await clientFor((res) =>
      answer(res, 409, envelope(409, `{"key":"${managedKey}"}`, `dup ${managedKey}`), {
        "x-echo": managedKey,
        "x-request-id": managedKey,
      }),
    );
    const { error, response } = await hsrcpay.raw.POST("/api-keys/", {
      params: { query: { account_id: params.account_id } },
      body: { name: params.name, permissions: params.permissions },
    });
    expect(response.status).toBe(409);
    expect(error).toEqual({
      success: false,
      message: "dup [redacted]",
      error: { code: 409, message: "dup [redacted]", details: { key: "[redacted]" } },
    });
    expect(response.headers.get("x-echo")).toBeNull();
    expect(response.headers.get("x-request-id")).toBe("[redacted]");
    expect([...response.headers].join("\n")).not.toContain(managedKey);
  });

  it("any key value of eight characters or more, in any failure status", async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.stringMatching(/^[A-Za-z0-9_+/=.-]{8,40}$/),
        fc.constantFrom(400, 401, 403, 404, 409, 422, 429, 500),
        async (value, status) => {
          const { hsrcpay, log } = await clientFor((res) =>
            answer(res, status, envelope(status, `{"key":"${value}"}`, `for ${value}`), {
              "x-request-id": value,
              "retry-after": "0",
            }),
          );
          try {
            const error = await rejectionOf(hsrcpay.apiKeys.create(params));
            expect(error).toHaveProperty("status", status);
            expect(printed(error)).not.toContain(value);
            expect(log.text()).not.toContain(value);
          } finally {
            await server?.close();
            server = undefined;
          }
        },
      ),
      { numRuns: 30 },
    );
  });
});

describe("a token passed as an id shows in no line and no error", () => {
  it("delete(token): the debug lines and the error name the path without the token", async () => {
    const { hsrcpay, log } = await clientFor((res) => answer(res, 404, envelope(404, "{}")));
    const error = await rejectionOf(hsrcpay.apiKeys.delete(token));
    expect(printed(error)).not.toContain(token);
    expect(log.lines.length).toBeGreaterThan(0);
    expect(log.text()).not.toContain(token);
  });

  it("a redirect answering delete(token): the redirect error's label shows no token", async () => {
    const { hsrcpay, log } = await clientFor((res) => {
      res.writeHead(307, { location: "http://127.0.0.1:9/elsewhere" });
      res.end();
    });
    const error = await rejectionOf(hsrcpay.apiKeys.delete(token));
    expect(error).toBeInstanceOf(HsrcpayRedirectError);
    expect(printed(error)).not.toContain(token);
    expect(log.text()).not.toContain(token);
  });

  it("through raw, and for a token that percent-encoding changes", async () => {
    // Not key-shaped, so nothing but the token rule can catch it; `+`, `=` and `/` are encoded.
    const odd = "tok+live/Zx9=Qr7Lm2Np4Vb6Cd8";
    const { hsrcpay, log } = await clientFor((res) => answer(res, 404, envelope(404, "{}")), odd);
    await hsrcpay.raw.DELETE("/api-keys/{id}", { params: { path: { id: odd } } });
    const error = await rejectionOf(hsrcpay.apiKeys.regenerate(odd));
    expect(printed(error)).not.toContain(odd);
    expect(printed(error)).not.toContain(encodeURIComponent(odd));
    expect(log.text()).not.toContain(odd);
    expect(log.text()).not.toContain(encodeURIComponent(odd));
    expect(log.text()).toContain("DELETE /v1/api-keys/");
  });
});

describe("a webhook's secret is a secret like a key's key (both marked in the spec)", () => {
  const whsec = "whsec_4Kf7Hg2Jd9Lm5Np1Qr8St3Vw";
  const webhook = {
    object: "webhook",
    id: "wh_1",
    account_id: "acct_1",
    endpoint: "https://shop.example/hooks",
    enabled_events: ["payment.succeeded"],
    secret: whsec,
    created_at: null,
    updated_at: null,
  };
  const create: CreateWebhookParams = {
    endpoint: "https://shop.example/hooks",
    enabled_events: ["payment.succeeded"],
  };

  it("in the created webhook once; masked in its headers and log lines", async () => {
    const { hsrcpay, log } = await clientFor((res) =>
      answer(res, 201, JSON.stringify({ message: "success", success: true, data: webhook }), {
        "x-webhook-secret": whsec,
        "x-request-id": `req_${whsec}`,
      }),
    );
    const created = await hsrcpay.webhooks.create(create);
    expect(created.secret).toBe(whsec);
    expect(created.lastResponse.requestId).toBe("req_[redacted]");
    expect(created.lastResponse.headers.get("x-webhook-secret")).toBeNull();
    expect([...created.lastResponse.headers].join("\n")).not.toContain(whsec);
    expect(log.text()).not.toContain(whsec);
  });

  it("echoed by a failure: in no error, no line, no raw body", async () => {
    const body = envelope(409, `{"existing":{"secret":"${whsec}"}}`, `clashes with ${whsec}`);
    const { hsrcpay, log } = await clientFor((res) => answer(res, 409, body));
    const error = await rejectionOf(hsrcpay.webhooks.create(create));
    expect(error).toBeInstanceOf(ConflictError);
    expect((error as ConflictError).details).toEqual({ existing: { secret: "[redacted]" } });
    expect(printed(error)).not.toContain(whsec);
    expect(log.text()).not.toContain(whsec);
    const { error: rawError } = await hsrcpay.raw.POST("/webhooks/", { body: create });
    expect(JSON.stringify(rawError)).not.toContain(whsec);
  });
});
