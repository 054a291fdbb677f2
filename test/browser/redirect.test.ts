// In a real browser a `redirect: "manual"` fetch gets an opaque-redirect response (status 0, no
// Location): the client must turn it into an HsrcpayRedirectError and never reach where it pointed.
// Three servers on 127.0.0.1: the page's site, a "redirector" that answers the create with a 3xx to
// the "target", and the target, which would answer a valid created key. All answer CORS, so a
// failure cannot come from CORS: the control test calls the target directly with the same page code.
import { createServer, type IncomingMessage, type Server, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { apiKeyData } from "../helpers/fixtures.js";
import { launchChromium } from "./chromium.js";
import { type ClientPage, openClientPage } from "./client-page.js";

const jwt = "eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiJhY2N0In0.c2lnbmF0dXJl";
let browser: Browser;
let clientPage: ClientPage;
let redirector: Server;
let target: Server;
let page: Page;

interface Seen {
  method: string;
  url: string;
  authorization: string | undefined;
}
const redirectorSaw: Seen[] = [];
const targetSaw: Seen[] = [];
let redirectStatus = 307;

function record(list: Seen[], req: IncomingMessage): void {
  list.push({
    method: req.method ?? "",
    url: req.url ?? "",
    authorization: req.headers.authorization,
  });
}

/** Permissive CORS: echoes the page's origin (or "null", after a cross-origin redirect). */
function cors(req: IncomingMessage): Record<string, string> {
  return {
    "access-control-allow-origin": req.headers.origin ?? "*",
    "access-control-allow-methods": "GET, POST, PUT, PATCH, DELETE, OPTIONS",
    "access-control-allow-headers": "authorization, content-type, idempotency-key, prefer",
    "access-control-max-age": "0",
    vary: "origin",
  };
}

function preflight(req: IncomingMessage, res: ServerResponse): boolean {
  if (req.method !== "OPTIONS") return false;
  res.writeHead(204, cors(req)).end();
  return true;
}

function listen(server: Server): Promise<number> {
  return new Promise((resolve) =>
    server.listen(0, "127.0.0.1", () => resolve((server.address() as AddressInfo).port)),
  );
}

function close(server: Server | undefined): Promise<unknown> {
  return new Promise((resolve) => (server ? server.close(resolve) : resolve(undefined)));
}

let redirectorBase: string;
let targetBase: string;

beforeAll(async () => {
  target = createServer((req, res) => {
    record(targetSaw, req);
    req.resume();
    if (preflight(req, res)) return;
    // Whatever arrives (a re-sent POST after a 307, or the GET a 303 turns it into) gets a created key.
    res
      .writeHead(201, { ...cors(req), "content-type": "application/json" })
      .end(JSON.stringify({ message: "success", success: true, data: apiKeyData }));
  });
  const targetPort = await listen(target);
  targetBase = `http://127.0.0.1:${targetPort}/v1`;
  redirector = createServer((req, res) => {
    record(redirectorSaw, req);
    req.resume();
    if (preflight(req, res)) return;
    res
      .writeHead(redirectStatus, {
        ...cors(req),
        location: `http://127.0.0.1:${targetPort}${req.url ?? "/"}`,
        "content-type": "text/plain",
      })
      .end("moved");
  });
  redirectorBase = `http://127.0.0.1:${await listen(redirector)}/v1`;
  browser = await launchChromium();
  clientPage = await openClientPage(browser);
  page = clientPage.page;
}, 120_000);

afterAll(async () => {
  await browser?.close();
  await Promise.all([clientPage?.close(), close(redirector), close(target)]);
});

beforeEach(() => {
  redirectorSaw.length = 0;
  targetSaw.length = 0;
});

/** Creates a key twice in the page, with apiKeys.create and with raw.POST; returns plain data. */
function createInPage(baseUrl: string) {
  return page.evaluate(
    async ({ token, baseUrl }) => {
      const hsrcpay = (window as unknown as { hsrcpay: typeof import("../../src/index.js") })
        .hsrcpay;
      const { createHsrcpayClient, HsrcpayApiError, HsrcpayRedirectError } = hsrcpay;
      const client = createHsrcpayClient({ token, baseUrl });
      const outcome = async (call: () => Promise<{ status: number; id: unknown }>) => {
        try {
          return { ok: true as const, ...(await call()) };
        } catch (error) {
          const e = error as Error & { status?: unknown; location?: unknown };
          return {
            ok: false as const,
            name: e.name,
            // Guarded: a client without the class must fail the assertions, not the page.
            isRedirectError:
              typeof HsrcpayRedirectError === "function" && error instanceof HsrcpayRedirectError,
            isApiError: typeof HsrcpayApiError === "function" && error instanceof HsrcpayApiError,
            status: e.status,
            location: e.location,
            hasLocation: "location" in e,
            message: e.message,
          };
        }
      };
      const create = await outcome(async () => {
        const apiKey = await client.apiKeys.create({
          account_id: "acct_1",
          name: "n",
          permissions: { payments: ["read"] },
        });
        return { status: apiKey.lastResponse.status, id: apiKey.id };
      });
      const raw = await outcome(async () => {
        const { data, response } = await client.raw.POST("/api-keys/", {
          params: { query: { account_id: "acct_1" } },
          body: { name: "n", permissions: { payments: ["read"] } },
        });
        return { status: response.status, id: data?.data?.id };
      });
      return { create, raw };
    },
    { token: jwt, baseUrl },
  );
}

const posts = (seen: Seen[]) => seen.filter((request) => request.method !== "OPTIONS");

describe("redirects in Chromium", () => {
  it("control: the same page code creates a key when baseUrl is the target itself", async () => {
    const result = await createInPage(targetBase);
    const created = { ok: true, status: 201, id: apiKeyData.id };
    expect(result).toEqual({ create: created, raw: created });
    expect(posts(targetSaw)).toEqual([
      { method: "POST", url: "/v1/api-keys/?account_id=acct_1", authorization: `Bearer ${jwt}` },
      { method: "POST", url: "/v1/api-keys/?account_id=acct_1", authorization: `Bearer ${jwt}` },
    ]);
    expect(redirectorSaw).toEqual([]);
  });

  it.each([307, 308, 302, 301, 303])(
    "a %i becomes an HsrcpayRedirectError with status 0; the target gets nothing",
    async (status) => {
      redirectStatus = status;
      const result = await createInPage(redirectorBase);
      for (const outcome of [result.create, result.raw]) {
        expect(outcome).toEqual({
          ok: false,
          name: "HsrcpayRedirectError",
          isRedirectError: true,
          isApiError: true,
          status: 0,
          location: undefined,
          hasLocation: true,
          message: expect.stringMatching(/redirect.*\(POST \/v1\/api-keys\/\)$/),
        });
        expect(outcome.ok === false && outcome.message).not.toContain(jwt);
      }
      // Nothing reached the target: no preflight, no re-sent POST, no GET.
      expect(targetSaw).toEqual([]);
      // One POST per call, each carrying the token: the redirect is not retried.
      expect(posts(redirectorSaw)).toEqual([
        { method: "POST", url: "/v1/api-keys/?account_id=acct_1", authorization: `Bearer ${jwt}` },
        { method: "POST", url: "/v1/api-keys/?account_id=acct_1", authorization: `Bearer ${jwt}` },
      ]);
    },
  );
});
