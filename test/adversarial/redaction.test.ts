// A server (or a proxy) that echoes the credential or hands out key-shaped strings in headers and
// bodies: each failure keeps its own class and status, only the allow-listed headers come back, and
// no secret shows in anything the client hands back or logs besides the data asked for.
import { inspect } from "node:util";
import fc from "fast-check";
import { afterEach, describe, expect, it } from "vitest";
import {
  AuthenticationError,
  BadRequestError,
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
import { loggedClient } from "../helpers/logged-client.js";
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
  return loggedClient(server.baseUrl, { token: secret });
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
  const notAllowed = ["www-authenticate", "x-echo-authorization", "set-cookie", "x-key-hint"];

  it("a 401 echoing the token in headers is still an AuthenticationError; only allow-listed headers, masked", async () => {
    const { hsrcpay, log } = await clientFor(echoing);
    const error = (await rejectionOf(hsrcpay.apiKeys.create(params))) as AuthenticationError;
    expect(error).toBeInstanceOf(AuthenticationError);
    expect(error.status).toBe(401);
    expect(error.requestId).toBe("req_[redacted]");
    expect([...error.headers.keys()].sort()).toEqual(["content-type", "x-request-id"]);
    expect(error.headers.get("x-request-id")).toBe("req_[redacted]");
    expectNoSecret(printed(error));
    expectNoSecret(log.text());
  });

  it("the same through raw: its response headers and error body are masked", async () => {
    const { hsrcpay } = await clientFor(echoing);
    const { error, response } = await hsrcpay.raw.POST("/api-keys/", {
      params: { query: { account_id: params.account_id } },
      body: { name: params.name, permissions: params.permissions },
    });
    expect(response.status).toBe(401);
    expect(error).toMatchObject({ success: false, error: { code: 401 } });
    for (const name of notAllowed) expect(response.headers.get(name)).toBeNull();
    expect(response.headers.get("x-request-id")).toBe("req_[redacted]");
    expectNoSecret([...response.headers].join("\n"));
  });

  it("on success, lastResponse's headers and requestId are masked; the new key is intact", async () => {
    const { hsrcpay, log } = await clientFor((res, _i, req) =>
      sendJson(
        res,
        201,
        { message: "success", success: true, data: apiKeyData },
        { "x-request-id": requestIdKey, "x-echo": req.headers.authorization ?? "" },
      ),
    );
    const apiKey = await hsrcpay.apiKeys.create(params);
    expect(apiKey.key).toBe(apiKeyData.key);
    expect(apiKey.lastResponse.requestId).toBe("req_[redacted]");
    expect(apiKey.lastResponse.headers.get("x-echo")).toBeNull();
    expectNoSecret(inspect(apiKey.lastResponse, { depth: 5 }));
    expectNoSecret([...apiKey.lastResponse.headers].join("\n"));
    expectNoSecret(log.text());
  });

  it("a content type carrying the token on an invalid 2xx is masked", async () => {
    const { hsrcpay } = await clientFor((res, _i, req) => {
      res.writeHead(200, {
        "content-type": `text/html; charset=utf-8; t=${(req.headers.authorization ?? "").slice(7)}`,
      });
      res.end("<html>maintenance</html>");
    });
    const error = (await rejectionOf(
      hsrcpay.apiKeys.create(params),
    )) as HsrcpayInvalidResponseError;
    expect(error).toBeInstanceOf(HsrcpayInvalidResponseError);
    expect(error.contentType).toBe("text/html; charset=utf-8; t=[redacted]");
    expect(error.bodyBytes).toBe("<html>maintenance</html>".length);
    expect(error.message).not.toContain("maintenance");
    expectNoSecret(printed(error));
  });
});

describe("secrets in bodies", () => {
  it("a key glued to a word character is still found", async () => {
    const { hsrcpay } = await clientFor((res) =>
      sendJson(res, 403, {
        message: "no",
        success: false,
        error: { code: 403, message: `hint:x${otherKey}`, details: { note: `x${otherKey}y` } },
      }),
    );
    const error = (await rejectionOf(hsrcpay.apiKeys.create(params))) as PermissionDeniedError;
    expect(error).toBeInstanceOf(PermissionDeniedError);
    expect(error.message).toContain("hint:x[redacted]");
    expect(error.details).toEqual({ note: "x[redacted]" });
    expectNoSecret(printed(error));
  });

  it("keys of details are masked as well as values", async () => {
    const { hsrcpay, log } = await clientFor((res, _i, req) => {
      const bearer = (req.headers.authorization ?? "").slice(7);
      sendJson(res, 400, {
        message: "bad",
        success: false,
        error: { code: 400, message: "bad", details: { [bearer]: "seen", note: otherKey } },
      });
    });
    const error = (await rejectionOf(hsrcpay.apiKeys.create(params))) as BadRequestError;
    expect(error).toBeInstanceOf(BadRequestError);
    expect(error.details).toEqual({ "[redacted]": "seen", note: "[redacted]" });
    expect(error.body).toEqual({
      success: false,
      message: "bad",
      error: { code: 400, message: "bad", details: { "[redacted]": "seen", note: "[redacted]" } },
    });
    expectNoSecret(printed(error));
    expectNoSecret(log.text());
  });

  it("over random tokens and echo places, nothing printable or logged carries the token", async () => {
    const tokenArb = fc
      .tuple(
        fc.constantFrom("sk_test_", "sk_live_", "pk_live_", "eyJhbGciOiJIUzI1NiJ9."),
        fc.stringMatching(/^[A-Za-z0-9_-]{20,48}$/),
      )
      .map(([prefix, rest]) => prefix + rest);
    const place = fc.constantFrom("request id", "header", "cookie", "envelope", "text");
    await fc.assert(
      fc.asyncProperty(tokenArb, place, async (secret, where) => {
        const { hsrcpay, log } = await clientFor((res, _i, req) => {
          const bearer = req.headers.authorization ?? "";
          res.writeHead(401, {
            "content-type": where === "envelope" ? "application/json" : "text/plain",
            ...(where === "request id" ? { "x-request-id": bearer } : {}),
            ...(where === "header" ? { "x-echo": bearer } : {}),
            ...(where === "cookie" ? { "set-cookie": `a=${bearer.slice(7)}` } : {}),
          });
          const error = { code: 401, message: `denied ${bearer}`, details: { [bearer]: bearer } };
          if (where === "envelope")
            res.end(JSON.stringify({ message: bearer, success: false, error }));
          else res.end(where === "text" ? `denied ${bearer}` : "denied");
        }, secret);
        try {
          const error = await rejectionOf(hsrcpay.apiKeys.create(params));
          expect(error).toBeInstanceOf(AuthenticationError);
          expect(printed(error)).not.toContain(secret);
          expect(log.text()).not.toContain(secret);
        } finally {
          await server?.close();
          server = undefined;
        }
      }),
      { numRuns: 40 },
    );
  });
});
