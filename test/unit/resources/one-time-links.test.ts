// Consuming a one-time link, against a real server on 127.0.0.1 and through the mock: a GET with a
// side effect whose answer is a page, a text or a redirect, not an envelope. What a user notices:
// the content as it came (bounded by maxResponseBytes), a redirect handed back and never followed,
// one request whatever happens (a consumed link cannot be consumed twice), and the typed errors.
import type { ServerResponse } from "node:http";
import { afterEach, describe, expect, it } from "vitest";
import {
  createHsrcpayClient,
  HsrcpayRedirectError,
  HsrcpayResponseTooLargeError,
  HsrcpayTimeoutError,
  HsrcpayValidationError,
  InternalServerError,
  NotFoundError,
} from "../../../src/index.js";
import { createHsrcpayMock } from "../../../src/testing/index.js";
import { type FaultServer, sendJson, startFaultServer } from "../../helpers/fault-server.js";
import { token } from "../../helpers/fixtures.js";
import { rejectionOf } from "../../helpers/rejection.js";

const linkId = "otl_8Vb1Nm4Qw7Er0Ty3";
const page = "<!doctype html><title>Done</title><p>Your payment link was used.</p>";
const servers: FaultServer[] = [];
afterEach(async () => {
  await Promise.all(servers.splice(0).map((server) => server.close()));
});

async function serve(answer: (res: ServerResponse, index: number) => void, options = {}) {
  const server = await startFaultServer(answer);
  servers.push(server);
  const hsrcpay = createHsrcpayClient({ token, baseUrl: server.baseUrl, ...options });
  return { hsrcpay, server };
}

describe("oneTimeLinks.consume, against a real server", () => {
  it("an HTML 200: the page as it came, with its content type; one GET asking for a page", async () => {
    const { hsrcpay, server } = await serve((res) => {
      res.writeHead(200, { "content-type": "text/html; charset=utf-8", "x-request-id": "req_1" });
      res.end(page);
    });
    const consumed = await hsrcpay.oneTimeLinks.consume(linkId);
    expect(consumed).toEqual({
      kind: "content",
      status: 200,
      contentType: "text/html; charset=utf-8",
      text: page,
      lastResponse: expect.objectContaining({ status: 200, requestId: "req_1" }),
    });
    expect(server.requests).toHaveLength(1);
    const [request] = server.requests;
    expect(request?.method).toBe("GET");
    expect(request?.url).toBe(`/v1/one-time-links/${linkId}`);
    expect(request?.headers.accept).toMatch(/^text\/html/);
    expect(request?.headers["idempotency-key"]).toBeUndefined();
  });

  it("a text 200, and a 200 with no content type", async () => {
    const { hsrcpay } = await serve((res, index) => {
      if (index === 0) res.writeHead(200, { "content-type": "text/plain" }).end("string");
      else res.writeHead(200, {}).end("ok");
    });
    const text = await hsrcpay.oneTimeLinks.consume(linkId);
    expect(text).toMatchObject({ kind: "content", contentType: "text/plain", text: "string" });
    const bare = await hsrcpay.oneTimeLinks.consume(linkId);
    expect(bare).toMatchObject({ kind: "content", contentType: undefined, text: "ok" });
  });

  it.each([302, 303])(
    "a %i: handed back with the Location's origin, never followed",
    async (status) => {
      const target = await startFaultServer((res) => res.writeHead(200).end("followed"));
      servers.push(target);
      const location = `${target.baseUrl}/welcome?session=${token}`;
      const { hsrcpay, server } = await serve((res) => {
        res.writeHead(status, { location, "content-type": "text/html" }).end("<a>moved</a>");
      });
      const consumed = await hsrcpay.oneTimeLinks.consume(linkId);
      expect(consumed).toEqual({
        kind: "redirect",
        status,
        location: new URL(location).origin,
        lastResponse: expect.objectContaining({ status, message: "" }),
      });
      expect(consumed.lastResponse.headers.get("location")).toBeNull();
      expect(JSON.stringify(consumed)).not.toContain(token);
      expect(server.requests).toHaveLength(1);
      expect(target.requests).toHaveLength(0);
    },
  );

  it("a redirect with a relative Location: no location, still a redirect", async () => {
    const { hsrcpay } = await serve((res) => res.writeHead(302, { location: "/done" }).end());
    expect(await hsrcpay.oneTimeLinks.consume(linkId)).toMatchObject({
      kind: "redirect",
      status: 302,
      location: undefined,
    });
  });

  it("a body past maxResponseBytes: the typed too-large error, not a text cut short", async () => {
    const huge = "<p>".padEnd(200_000, "x");
    const { hsrcpay } = await serve(
      (res) => res.writeHead(200, { "content-type": "text/html" }).end(huge),
      { maxResponseBytes: 65_536 },
    );
    const error = await rejectionOf(hsrcpay.oneTimeLinks.consume(linkId));
    expect(error).toBeInstanceOf(HsrcpayResponseTooLargeError);
    expect((error as HsrcpayResponseTooLargeError).limit).toBe(65_536);
    expect((error as Error).message).not.toContain("xxxx");
  });

  it("a body within the cap is handed back whole", async () => {
    const big = "<p>".padEnd(60_000, "y");
    const { hsrcpay } = await serve(
      (res) => res.writeHead(200, { "content-type": "text/html" }).end(big),
      { maxResponseBytes: 65_536 },
    );
    const consumed = await hsrcpay.oneTimeLinks.consume(linkId);
    expect(consumed.kind === "content" && consumed.text).toBe(big);
  });

  it("an error envelope: the typed error with its code, as for every call", async () => {
    const { hsrcpay } = await serve((res) =>
      sendJson(res, 404, {
        message: "One-time link not found",
        success: false,
        error: { code: 404, message: "One-time link not found", details: { id: linkId } },
      }),
    );
    const error = await rejectionOf(hsrcpay.oneTimeLinks.consume(linkId));
    expect(error).toBeInstanceOf(NotFoundError);
    // The details echo the link's token, a credential of the call: masked.
    expect(error).toMatchObject({ status: 404, code: 404, details: { id: "[redacted]" } });
    expect((error as Error).message).toBe(
      "404 One-time link not found (GET /v1/one-time-links/{token})",
    );
  });

  it("a 500 is not retried, whatever the client's maxRetries: one request", async () => {
    const { hsrcpay, server } = await serve(
      (res) =>
        sendJson(res, 500, { message: "x", success: false, error: { code: 500, message: "x" } }),
      { maxRetries: 3 },
    );
    expect(await rejectionOf(hsrcpay.oneTimeLinks.consume(linkId))).toBeInstanceOf(
      InternalServerError,
    );
    expect(server.requests).toHaveLength(1);
  });

  it("a timeout is not retried either: the link may have been consumed", async () => {
    const { hsrcpay, server } = await serve(() => {}, { maxRetries: 3, timeout: 200 });
    expect(await rejectionOf(hsrcpay.oneTimeLinks.consume(linkId))).toBeInstanceOf(
      HsrcpayTimeoutError,
    );
    expect(server.requests).toHaveLength(1);
  });

  it("a maxRetries above 0 is refused before anything is sent; 0 is accepted", async () => {
    const { hsrcpay, server } = await serve((res) => res.writeHead(200).end("ok"));
    const error = await rejectionOf(
      hsrcpay.oneTimeLinks.consume(linkId, { maxRetries: 1 } as never),
    );
    expect(error).toBeInstanceOf(HsrcpayValidationError);
    expect((error as HsrcpayValidationError).field).toBe("options.maxRetries");
    expect(server.requests).toHaveLength(0);
    await hsrcpay.oneTimeLinks.consume(linkId, { maxRetries: 0 } as never);
    expect(server.requests).toHaveLength(1);
  });

  it("the caller's Accept wins", async () => {
    const { hsrcpay, server } = await serve((res) => res.writeHead(200).end("{}"));
    await hsrcpay.oneTimeLinks.consume(linkId, { headers: { Accept: "application/json" } });
    expect(server.requests[0]?.headers.accept).toBe("application/json");
  });

  it("the link's token is masked in errors, log lines and lastResponse, echoed or not", async () => {
    const lines: string[] = [];
    const log = (line: unknown, fields?: unknown) => lines.push(JSON.stringify([line, fields]));
    const logger = { debug: log, info: log, warn: log, error: log };
    const { hsrcpay } = await serve(
      (res, index) => {
        if (index === 0) {
          sendJson(
            res,
            404,
            {
              message: `No link ${linkId}`,
              success: false,
              error: { code: 404, message: `No link ${linkId}`, details: { token: linkId } },
            },
            { "x-request-id": `req_${linkId}` },
          );
        } else res.writeHead(200, { "x-request-id": `req_${linkId}` }).end("ok");
      },
      { logLevel: "debug", logger },
    );
    const error = await rejectionOf(hsrcpay.oneTimeLinks.consume(linkId));
    expect(error).toBeInstanceOf(NotFoundError);
    const consumed = await hsrcpay.oneTimeLinks.consume(linkId);
    const told = [
      (error as Error).message,
      JSON.stringify((error as NotFoundError).details),
      (error as NotFoundError).requestId,
      JSON.stringify(consumed.lastResponse),
      consumed.lastResponse.requestId,
      ...lines,
    ].join("\n");
    expect(lines.length).toBeGreaterThan(0);
    expect(told).toContain("[redacted]");
    expect(told).not.toContain(linkId);
  });

  it("a redirect a custom fetch followed anyway is an error, not the content it led to", async () => {
    const followed = Object.defineProperties(new Response("<p>elsewhere</p>", { status: 200 }), {
      redirected: { value: true },
      url: { value: "https://elsewhere.example/landing" },
    });
    const hsrcpay = createHsrcpayClient({ token, fetch: async () => followed });
    const error = await rejectionOf(hsrcpay.oneTimeLinks.consume(linkId));
    expect(error).toBeInstanceOf(HsrcpayRedirectError);
    expect((error as HsrcpayRedirectError).location).toBe("https://elsewhere.example");
  });

  it("other calls still refuse a redirect", async () => {
    const { hsrcpay } = await serve((res) =>
      res.writeHead(302, { location: "https://elsewhere.example/" }).end(),
    );
    expect(await rejectionOf(hsrcpay.routingPlans.retrieve("rp_1"))).toBeInstanceOf(
      HsrcpayRedirectError,
    );
  });
});

describe("oneTimeLinks.consume, through the mock", () => {
  it("answers the spec's text example by default", async () => {
    const mock = createHsrcpayMock();
    const hsrcpay = createHsrcpayClient({ token, fetch: mock.fetch });
    const consumed = await hsrcpay.oneTimeLinks.consume(linkId);
    expect(consumed).toMatchObject({ kind: "content", status: 200, text: "string" });
    mock.assertNoViolations();
  });

  it("a scripted page and a scripted redirect", async () => {
    const mock = createHsrcpayMock().on("oneTimeLinks.consume", [
      { body: page, headers: { "content-type": "text/html" } },
      { redirect: "https://pay.example/done?t=1" },
    ]);
    const hsrcpay = createHsrcpayClient({ token, fetch: mock.fetch });
    expect(await hsrcpay.oneTimeLinks.consume(linkId)).toMatchObject({
      kind: "content",
      contentType: "text/html",
      text: page,
    });
    expect(await hsrcpay.oneTimeLinks.consume(linkId)).toMatchObject({
      kind: "redirect",
      status: 307,
      location: "https://pay.example",
    });
    mock.assertNoViolations();
  });

  it("a scripted 503 is sent once", async () => {
    const mock = createHsrcpayMock().on("oneTimeLinks.consume", { status: 503 });
    const hsrcpay = createHsrcpayClient({ token, fetch: mock.fetch, maxRetries: 2 });
    await rejectionOf(hsrcpay.oneTimeLinks.consume(linkId));
    expect(mock.calls).toHaveLength(1);
  });
});
