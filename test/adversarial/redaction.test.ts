// A server (or a proxy) that echoes the credential or hands out key-shaped strings in headers,
// bodies and reason phrases: each failure keeps its own class and status, and no secret shows in
// anything the client hands back besides the data asked for.
import { inspect } from "node:util";
import fc from "fast-check";
import { afterEach, describe, expect, it } from "vitest";
import {
  AuthenticationError,
  BadRequestError,
  createHsrcpayClient,
  HsrcpayInvalidResponseError,
  PermissionDeniedError,
} from "../../src/index.js";
import {
  type Fault,
  type FaultServer,
  sendJson,
  startFaultServer,
} from "../helpers/fault-server.js";
import { apiKeyData, params, token } from "../helpers/fixtures.js";
import { printed } from "../helpers/printed.js";
import { rejectionOf } from "../helpers/rejection.js";

// Key-shaped strings the server chose, not the caller's token.
const otherKey = "sk_live_9zY8xW7vU6tS5rQ4pO3n";
const requestIdKey = `req_${otherKey}`;

let server: FaultServer | undefined;
afterEach(async () => {
  await server?.close();
  server = undefined;
});

async function clientFor(fault: Fault, secret = token) {
  server = await startFaultServer(fault);
  return createHsrcpayClient({ token: secret, baseUrl: server.baseUrl, maxRetries: 0 });
}

function expectNoSecret(text: string, secret = token): void {
  expect(text).not.toContain(secret);
  expect(text).not.toContain(otherKey);
}

describe("secrets in response headers", () => {
  const echoing: Fault = (res, _i, req) => {
    const bearer = req.headers.authorization ?? "";
    res.writeHead(401, {
      "content-type": "application/json",
      "www-authenticate": `Bearer realm="hsrcpay", error="invalid_token", token="${bearer.slice(7)}"`,
      "x-echo-authorization": bearer,
      "set-cookie": `session=${bearer.slice(7)}; HttpOnly`,
      "x-request-id": requestIdKey,
      "x-key-hint": otherKey,
    });
    res.end(JSON.stringify({ message: "no", success: false, error: { code: 401, message: "no" } }));
  };

  it("a 401 echoing the token in headers is still an AuthenticationError, and shows none", async () => {
    const hsrcpay = await clientFor(echoing);
    const error = await rejectionOf(hsrcpay.apiKeys.create(params));
    expect(error).toBeInstanceOf(AuthenticationError);
    expect((error as AuthenticationError).status).toBe(401);
    expectNoSecret(printed(error));
    const headers = (error as AuthenticationError).headers;
    expect(headers.get("x-key-hint")).toMatch(/^sk_live_\.\.\.[A-Za-z0-9]{4}$/);
    expect(headers.get("set-cookie")).toBe("[redacted]");
    expect((error as AuthenticationError).requestId).toMatch(/^req_sk_live_\.\.\./);
  });

  it("the same through raw: its response headers and error body are redacted", async () => {
    const hsrcpay = await clientFor(echoing);
    const { error, response } = await hsrcpay.raw.POST("/api-keys/", {
      params: { query: { account_id: params.account_id } },
      body: { name: params.name, permissions: params.permissions },
    });
    expect(response.status).toBe(401);
    expect(error).toMatchObject({ success: false, error: { code: 401 } });
    expectNoSecret([...response.headers].join("\n"));
  });

  it("on success, lastResponse's headers and requestId are redacted; the new key is intact", async () => {
    const hsrcpay = await clientFor((res, _i, req) =>
      sendJson(
        res,
        201,
        { message: "success", success: true, data: apiKeyData },
        { "x-request-id": requestIdKey, "x-echo": req.headers.authorization ?? "" },
      ),
    );
    const apiKey = await hsrcpay.apiKeys.create(params);
    expect(apiKey.key).toBe(apiKeyData.key);
    expect(apiKey.lastResponse.requestId).toMatch(/^req_sk_live_\.\.\./);
    expectNoSecret(inspect(apiKey.lastResponse, { depth: 5 }));
    expectNoSecret([...apiKey.lastResponse.headers].join("\n"));
  });

  it("a content type carrying the token on an invalid 2xx is redacted", async () => {
    const hsrcpay = await clientFor((res, _i, req) => {
      res.writeHead(200, {
        "content-type": `text/html; charset=utf-8; t=${req.headers.authorization}`,
      });
      res.end("<html>maintenance</html>");
    });
    const error = await rejectionOf(hsrcpay.apiKeys.create(params));
    expect(error).toBeInstanceOf(HsrcpayInvalidResponseError);
    expect((error as HsrcpayInvalidResponseError).contentType).toMatch(
      /^text\/html; charset=utf-8/,
    );
    expectNoSecret(printed(error));
  });
});

describe("secrets in bodies", () => {
  it("a token straddling the 200-character snippet cut shows no part of itself", async () => {
    // The old client cut first and redacted after, so all but the token's last character showed.
    await fc.assert(
      fc.asyncProperty(fc.integer({ min: 150, max: 210 }), async (offset) => {
        const hsrcpay = await clientFor((res, _i, req) => {
          const bearer = (req.headers.authorization ?? "").slice(7);
          res.writeHead(400, { "content-type": "text/html" });
          res.end(`${"x".repeat(offset)}${bearer} and more`);
        });
        try {
          const error = await rejectionOf(hsrcpay.apiKeys.create(params));
          expect(error).toBeInstanceOf(BadRequestError);
          expect(printed(error)).not.toContain(token.slice(0, 12));
        } finally {
          await server?.close();
          server = undefined;
        }
      }),
      { numRuns: 15 },
    );
  });

  it("a key glued to a word character is still found", async () => {
    const hsrcpay = await clientFor((res) => {
      res.writeHead(403, { "content-type": "text/html" });
      res.end(`<p>hint:x${otherKey}</p>`);
    });
    const error = await rejectionOf(hsrcpay.apiKeys.create(params));
    expect(error).toBeInstanceOf(PermissionDeniedError);
    expectNoSecret(printed(error));
  });

  it("keys of details are redacted as well as values", async () => {
    const hsrcpay = await clientFor((res, _i, req) => {
      const bearer = (req.headers.authorization ?? "").slice(7);
      sendJson(res, 400, {
        message: "bad",
        success: false,
        error: { code: 400, message: "bad", details: { [bearer]: "seen", [otherKey]: 1 } },
      });
    });
    const error = (await rejectionOf(hsrcpay.apiKeys.create(params))) as BadRequestError;
    expect(error).toBeInstanceOf(BadRequestError);
    expect(Object.keys(error.details ?? {})).toHaveLength(2);
    expectNoSecret(JSON.stringify(error.details));
    expectNoSecret(JSON.stringify(error.body));
    expectNoSecret(printed(error));
  });

  it("over random tokens and echo places, nothing printable carries the token", async () => {
    const tokenArb = fc
      .tuple(
        fc.constantFrom("sk_test_", "sk_live_", "pk_live_", "eyJhbGciOiJIUzI1NiJ9."),
        fc.stringMatching(/^[A-Za-z0-9_-]{20,48}$/),
      )
      .map(([prefix, rest]) => prefix + rest);
    const place = fc.constantFrom("header", "cookie", "body", "reason");
    await fc.assert(
      fc.asyncProperty(tokenArb, place, async (secret, where) => {
        const hsrcpay = await clientFor((res, _i, req) => {
          const bearer = req.headers.authorization ?? "";
          if (where === "reason") res.statusMessage = `Denied ${bearer}`;
          res.writeHead(401, {
            "content-type": "text/plain",
            ...(where === "header" ? { "x-echo": bearer } : {}),
            ...(where === "cookie" ? { "set-cookie": `a=${bearer.slice(7)}` } : {}),
          });
          res.end(where === "body" ? `denied ${bearer}` : "denied");
        }, secret);
        try {
          const error = await rejectionOf(hsrcpay.apiKeys.create(params));
          expect(error).toBeInstanceOf(AuthenticationError);
          expect(printed(error)).not.toContain(secret);
        } finally {
          await server?.close();
          server = undefined;
        }
      }),
      { numRuns: 40 },
    );
  });
});
