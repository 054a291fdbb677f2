// No call of this client follows a redirect: a 3xx is a typed error carrying its status and the
// Location's origin (never its path or query), never retried, never parsed as data, and nothing
// reaches where it points.
import { afterEach, describe, expect, it } from "vitest";
import { createHsrcpayClient, HsrcpayApiError, HsrcpayRedirectError } from "../../src/index.js";
import { type FaultServer, sendJson, startFaultServer } from "../helpers/fault-server.js";
import { apiKeyData, params, token } from "../helpers/fixtures.js";
import { observedFetch } from "../helpers/observed-fetch.js";
import { rejectionOf } from "../helpers/rejection.js";

const servers: FaultServer[] = [];
afterEach(async () => {
  await Promise.all(servers.splice(0).map((server) => server.close()));
});

/** `target` would hand out a key to anyone; `redirector` points every request at it. */
async function redirectTo(status: number) {
  const target = await startFaultServer((res) =>
    sendJson(res, 201, { message: "success", success: true, data: apiKeyData }),
  );
  const location = `${target.baseUrl}/api-keys/?account_id=${params.account_id}`;
  const redirector = await startFaultServer((res) => {
    res.writeHead(status, { location, "content-type": "text/plain" }).end("moved");
  });
  servers.push(target, redirector);
  const hsrcpay = createHsrcpayClient({ token, baseUrl: redirector.baseUrl });
  return { hsrcpay, target, redirector, location };
}

describe.each([301, 302, 303, 307, 308])("a %i redirect", (status) => {
  it("is an HsrcpayRedirectError with the status and Location, sent once, never followed", async () => {
    const { hsrcpay, target, redirector, location } = await redirectTo(status);
    const error = await rejectionOf(hsrcpay.apiKeys.create(params));
    expect(error).toBeInstanceOf(HsrcpayRedirectError);
    expect(error).toBeInstanceOf(HsrcpayApiError);
    const redirect = error as HsrcpayRedirectError;
    expect(redirect.status).toBe(status);
    // The origin only: the path and query are the server's to fill, with whatever the request held.
    expect(redirect.location).toBe(new URL(location).origin);
    expect(redirect.message).toContain(`${status} redirect to ${new URL(location).origin}`);
    expect(redirect.message).not.toContain("account_id=");
    expect(redirect.headers.get("location")).toBeNull();
    expect(redirect.idempotencyKey).toBe(redirector.requests[0]?.headers["idempotency-key"]);
    expect(redirector.requests.map((r) => r.method)).toEqual(["POST"]);
    expect(target.requests).toHaveLength(0);
  });

  it("through raw as well", async () => {
    const { hsrcpay, target, redirector } = await redirectTo(status);
    const error = await rejectionOf(
      hsrcpay.raw.POST("/api-keys/", {
        params: { query: { account_id: params.account_id } },
        body: { name: params.name, permissions: params.permissions },
      }),
    );
    expect(error).toBeInstanceOf(HsrcpayRedirectError);
    expect((error as HsrcpayRedirectError).status).toBe(status);
    expect(redirector.requests).toHaveLength(1);
    expect(target.requests).toHaveLength(0);
  });
});

describe("redirects, otherwise", () => {
  it("a redirect loop is one request and a redirect error, not 63 and a connection error", async () => {
    const loop = await startFaultServer((res, _i, req) => {
      res.writeHead(307, { location: req.url ?? "/" }).end();
    });
    servers.push(loop);
    const hsrcpay = createHsrcpayClient({ token, baseUrl: loop.baseUrl });
    const error = await rejectionOf(hsrcpay.apiKeys.create(params));
    expect(error).toBeInstanceOf(HsrcpayRedirectError);
    expect(loop.requests).toHaveLength(1);
  });

  it("a Location carrying a secret in its query is handed on as its origin only", async () => {
    const leaky = await startFaultServer((res) => {
      res.writeHead(302, { location: `https://elsewhere.example/?t=${token}` }).end();
    });
    servers.push(leaky);
    const hsrcpay = createHsrcpayClient({ token, baseUrl: leaky.baseUrl });
    const error = (await rejectionOf(hsrcpay.apiKeys.create(params))) as HsrcpayRedirectError;
    expect(error).toBeInstanceOf(HsrcpayRedirectError);
    expect(error.location).toBe("https://elsewhere.example");
    expect(`${error.location} ${error.message} ${[...error.headers].join()}`).not.toContain(token);
  });

  it("a Location whose host carries the token is masked", async () => {
    // Hosts are lower-cased by the URL parser: the token is still found, case-insensitively.
    const leaky = await startFaultServer((res) => {
      res.writeHead(302, { location: `https://${token}.elsewhere.example/x` }).end();
    });
    servers.push(leaky);
    const hsrcpay = createHsrcpayClient({ token, baseUrl: leaky.baseUrl });
    const error = (await rejectionOf(hsrcpay.apiKeys.create(params))) as HsrcpayRedirectError;
    expect(error).toBeInstanceOf(HsrcpayRedirectError);
    expect(error.location).toBe("https://[redacted].elsewhere.example");
    const said = `${error.location} ${error.message}`.toLowerCase();
    expect(said).not.toContain(token.toLowerCase());
  });

  it("a relative Location gives no location", async () => {
    const relative = await startFaultServer((res) => {
      res.writeHead(307, { location: "/v1/elsewhere" }).end();
    });
    servers.push(relative);
    const hsrcpay = createHsrcpayClient({ token, baseUrl: relative.baseUrl });
    const error = (await rejectionOf(hsrcpay.apiKeys.create(params))) as HsrcpayRedirectError;
    expect(error).toBeInstanceOf(HsrcpayRedirectError);
    expect(error.status).toBe(307);
    expect(error.location).toBeUndefined();
    expect(error.message).not.toContain("elsewhere");
  });

  it("asks fetch not to follow, and refuses an answer a custom fetch followed anyway", async () => {
    const fetch = observedFetch(() => {
      const followed = new Response(
        JSON.stringify({ message: "success", success: true, data: apiKeyData }),
        { status: 201, headers: { "content-type": "application/json" } },
      );
      Object.defineProperties(followed, {
        redirected: { value: true },
        url: { value: "https://elsewhere.example/v1/api-keys/" },
      });
      return followed;
    });
    const hsrcpay = createHsrcpayClient({ token, baseUrl: "https://api.hsrcpay.test/v1", fetch });
    const error = await rejectionOf(hsrcpay.apiKeys.create(params));
    expect(error).toBeInstanceOf(HsrcpayRedirectError);
    expect((error as HsrcpayRedirectError).location).toBe("https://elsewhere.example");
    expect(fetch.calls).toHaveLength(1);
  });

  it("an opaque redirect (what browsers return for redirect: manual) is a redirect error with status 0", async () => {
    const seen: RequestInit[] = [];
    const fetch = async (_url: RequestInfo | URL, init?: RequestInit) => {
      seen.push(init ?? {});
      const opaque = new Response(null, { status: 200 });
      Object.defineProperties(opaque, {
        type: { value: "opaqueredirect" },
        status: { value: 0 },
      });
      return opaque;
    };
    const hsrcpay = createHsrcpayClient({ token, baseUrl: "https://api.hsrcpay.test/v1", fetch });
    const error = (await rejectionOf(hsrcpay.apiKeys.create(params))) as HsrcpayRedirectError;
    expect(error).toBeInstanceOf(HsrcpayRedirectError);
    expect(error.status).toBe(0);
    expect(error.location).toBeUndefined();
    expect(seen.map((init) => init.redirect)).toEqual(["manual"]);
  });
});
