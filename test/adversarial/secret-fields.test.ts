import fc from "fast-check";
import { afterEach, describe, expect, it } from "vitest";
import {
  BadRequestError,
  ConflictError,
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
import { jsonEscaped, loggedClient } from "../helpers/logged-client.js";
import { printed } from "../helpers/printed.js";
import { rejectionOf } from "../helpers/rejection.js";

// A key in a format the client has never seen: nothing about it says "secret" but its field name.
const managedKey = "hsk_mgd_7Qz3Lw9Xv2Rt8Np4Km6Jb1Hc";

const escaped = jsonEscaped;

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
  const spellings = {
    plain: managedKey,
    "\\u-escaped": escaped(managedKey),
    "partly escaped": `${escaped(managedKey.slice(0, 3))}${managedKey.slice(3)}`,
  };

  for (const [name, spelled] of Object.entries(spellings)) {
    it(`a 409 envelope with the key ${name} in details, message and a header`, async () => {
      const { hsrcpay, log } = await clientFor((res) =>
        answer(
          res,
          409,
          envelope(409, `{"key":"${spelled}","note":"taken by ${spelled}"}`, `conflict`),
          { "x-conflicting-key": managedKey },
        ),
      );
      const error = await rejectionOf(hsrcpay.apiKeys.create(params));
      expect(error).toBeInstanceOf(ConflictError);
      const conflict = error as ConflictError;
      expect(conflict.details?.key).toBe("[redacted]");
      expect(conflict.details?.note).toBe("taken by [redacted]");
      expect(conflict.headers.get("x-conflicting-key")).toBe("[redacted]");
      expect(printed(error)).not.toContain(managedKey);
      expect(log.text()).not.toContain(managedKey);
      expect(log.text()).not.toContain(spelled);
    });
  }

  it("nested deep in details, and in the message the error's own message is made from", async () => {
    const { hsrcpay } = await clientFor((res) =>
      answer(
        res,
        400,
        envelope(
          400,
          `{"items":[{"attempts":[{"key":"${managedKey}"}]}]}`,
          `key ${escaped(managedKey)} is malformed`,
        ),
      ),
    );
    const error = (await rejectionOf(hsrcpay.apiKeys.create(params))) as BadRequestError;
    expect(error).toBeInstanceOf(BadRequestError);
    expect(error.message).toContain("key [redacted] is malformed");
    expect(JSON.stringify(error.body)).not.toContain(managedKey);
    expect(printed(error)).not.toContain(managedKey);
  });

  it("a key in a body that is cut before it parses still shows in no snippet", async () => {
    const { hsrcpay, log } = await clientFor((res) =>
      answer(res, 500, `{"message":"boom","key":"${escaped(managedKey)}","again":"${managedKey}`),
    );
    const error = await rejectionOf(hsrcpay.apiKeys.create(params));
    expect(printed(error)).not.toContain(managedKey);
    expect(log.text()).not.toContain(managedKey);
  });

  it("an invalid 2xx (success: false) carrying a key: its message and bodyStart show none", async () => {
    const { hsrcpay } = await clientFor((res) =>
      answer(
        res,
        200,
        `{"message":"refused ${escaped(managedKey)}","success":false,"data":{"key":"${managedKey}"}}`,
        { "x-echo": managedKey },
      ),
    );
    const error = (await rejectionOf(
      hsrcpay.apiKeys.create(params),
    )) as HsrcpayInvalidResponseError;
    expect(error).toBeInstanceOf(HsrcpayInvalidResponseError);
    expect(error.message).toContain("refused [redacted]");
    expect(error.headers.get("x-echo")).toBe("[redacted]");
    expect(printed(error)).not.toContain(managedKey);
  });

  it("raw: a failure body and its headers come back with the key masked", async () => {
    const { hsrcpay } = await clientFor((res) =>
      answer(res, 409, envelope(409, `{"key":"${escaped(managedKey)}"}`, `dup ${managedKey}`), {
        "x-echo": managedKey,
      }),
    );
    const { error, response } = await hsrcpay.raw.POST("/api-keys/", {
      params: { query: { account_id: params.account_id } },
      body: { name: params.name, permissions: params.permissions },
    });
    expect(response.status).toBe(409);
    expect(JSON.stringify(error)).not.toContain(managedKey);
    expect([...response.headers].join("\n")).not.toContain(managedKey);
  });

  it("any key value of eight characters or more, in any failure status, in any spelling", async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.stringMatching(/^[A-Za-z0-9_+/=.-]{8,40}$/),
        fc.constantFrom(400, 401, 403, 404, 409, 422, 429, 500),
        fc.boolean(),
        async (value, status, escapeIt) => {
          const spelled = escapeIt ? escaped(value) : value;
          const { hsrcpay, log } = await clientFor((res) =>
            answer(res, status, envelope(status, `{"key":"${spelled}"}`, `for ${spelled}`), {
              "x-echo": value,
              "retry-after": "0",
            }),
          );
          try {
            const error = await rejectionOf(hsrcpay.apiKeys.create(params));
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
  const create = { endpoint: "https://shop.example/hooks", enabled_events: ["payment.succeeded"] };

  it("in the created webhook once; masked in its headers and log lines", async () => {
    const { hsrcpay, log } = await clientFor((res) =>
      answer(res, 201, JSON.stringify({ message: "success", success: true, data: webhook }), {
        "x-webhook-secret": whsec,
      }),
    );
    const created = await hsrcpay.webhooks.create(create);
    expect(created.secret).toBe(whsec);
    expect([...created.lastResponse.headers].join("\n")).not.toContain(whsec);
    expect(log.text()).not.toContain(whsec);
  });

  it("echoed by a failure, escaped or not: in no error, no line, no raw body", async () => {
    const body = envelope(
      409,
      `{"existing":{"secret":"${escaped(whsec)}"}}`,
      `clashes with ${whsec}`,
    );
    const { hsrcpay, log } = await clientFor((res) => answer(res, 409, body));
    const error = await rejectionOf(hsrcpay.webhooks.create(create));
    expect(error).toBeInstanceOf(ConflictError);
    expect(printed(error)).not.toContain(whsec);
    expect(log.text()).not.toContain(whsec);
    const { error: rawError } = await hsrcpay.raw.POST("/webhooks/", { body: create });
    expect(JSON.stringify(rawError)).not.toContain(whsec);
  });
});
