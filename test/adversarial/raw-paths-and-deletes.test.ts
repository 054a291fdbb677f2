// `raw` cannot move the path, and a delete reads every success as one. Against a server on 127.0.0.1
// that records what reached it: a refused call must have sent nothing.
import { afterEach, describe, expect, it } from "vitest";
import {
  createHsrcpayClient,
  HsrcpayInvalidResponseError,
  HsrcpayValidationError,
  NotFoundError,
} from "../../src/index.js";
import {
  type Fault,
  type FaultServer,
  sendJson,
  startFaultServer,
} from "../helpers/fault-server.js";
import { apiKeyData, errorEnvelope, successEnvelope, token } from "../helpers/fixtures.js";
import { rejectionOf } from "../helpers/rejection.js";

let server: FaultServer | undefined;
afterEach(async () => {
  await server?.close();
  server = undefined;
});

async function clientFor(fault: Fault, maxRetries = 0) {
  server = await startFaultServer(fault);
  return createHsrcpayClient({ token, baseUrl: server.baseUrl, maxRetries });
}

const requests = () => (server as FaultServer).requests;

describe("raw: every path parameter gets the resource methods' guard", () => {
  const values: [unknown, string][] = [
    ["..", "cannot be . or .."],
    [".", "cannot be . or .."],
    ["", "is required"],
    ["  ", "is required"],
    ["\uD800", "unpaired UTF-16 surrogate"],
    [undefined, "is required"],
    [null, "is required"],
    [{ toString: () => ".." }, "must be a string"],
  ];

  for (const [value, problem] of values) {
    it(`DELETE and regenerate with id ${JSON.stringify(value)} are refused before anything is sent`, async () => {
      const hsrcpay = await clientFor((res) => sendJson(res, 200, successEnvelope()));
      const path = { id: value } as { id: string };
      for (const call of [
        () => hsrcpay.raw.DELETE("/api-keys/{id}", { params: { path } }),
        () => hsrcpay.raw.POST("/api-keys/{id}/regenerate", { params: { path } }),
      ]) {
        const error = await rejectionOf(call());
        expect(error).toBeInstanceOf(HsrcpayValidationError);
        expect((error as HsrcpayValidationError).field).toBe("params.path.id");
        expect((error as Error).message).toContain(problem);
      }
      expect(requests()).toEqual([]);
    });
  }

  it("a missing path object is refused (it was sent as a literal %7Bid%7D)", async () => {
    const hsrcpay = await clientFor((res) => sendJson(res, 200, successEnvelope()));
    const error = await rejectionOf(
      hsrcpay.raw.DELETE("/api-keys/{id}", {} as { params: { path: { id: string } } }),
    );
    expect((error as HsrcpayValidationError).field).toBe("params.path.id");
    expect((error as Error).message).toBe("params.path.id is required: the {id} path parameter");
    expect(requests()).toEqual([]);
  });

  it("a good id is sent as one encoded segment, `/`, `?`, `#` and `%` included", async () => {
    const hsrcpay = await clientFor((res) => sendJson(res, 200, { message: "ok", success: true }));
    const { response } = await hsrcpay.raw.DELETE("/api-keys/{id}", {
      params: { path: { id: "../a/b?c#d%2e." } },
    });
    expect(response.status).toBe(200);
    expect(requests().map((r) => `${r.method} ${r.url}`)).toEqual([
      "DELETE /v1/api-keys/..%2Fa%2Fb%3Fc%23d%252e.",
    ]);
  });

  it("query parameter names are encoded as well as values", async () => {
    const hsrcpay = await clientFor((res) =>
      sendJson(res, 200, { ...successEnvelope([]), total: 0, page: 1, limit: 10, pages: 0 }),
    );
    await hsrcpay.raw.GET("/api-keys/", {
      params: { query: { account_id: "acct_1", "x&admin=1#": "y&z" } as { account_id: string } },
    });
    const url = new URL(requests()[0]?.url ?? "", "http://127.0.0.1");
    expect([...url.searchParams]).toEqual([
      ["account_id", "acct_1"],
      ["x&admin=1#", "y&z"],
    ]);
  });
});

describe("delete accepts every success", () => {
  const successes: [string, Fault][] = [
    [
      "204 No Content",
      (res) => {
        res.writeHead(204);
        res.end();
      },
    ],
    ["200 with the deleted key in data", (res) => sendJson(res, 200, successEnvelope(apiKeyData))],
    ["200 with the void envelope", (res) => sendJson(res, 200, { message: "ok", success: true })],
    [
      "202 with an empty body",
      (res) => {
        res.writeHead(202, { "content-length": "0" });
        res.end();
      },
    ],
    ["200 with an empty JSON object", (res) => sendJson(res, 200, {})],
    ["200 with JSON that is no object (null)", (res) => sendJson(res, 200, null)],
    ["299, the last success status", (res) => sendJson(res, 299, { message: "ok", success: true })],
    ["200 with a JSON list", (res) => sendJson(res, 200, [])],
    ["200 with a JSON string", (res) => sendJson(res, 200, "deleted")],
  ];

  for (const [name, fault] of successes) {
    it(`${name}: resolves to { id, deleted: true }, sent once, never retried`, async () => {
      const hsrcpay = await clientFor(fault, 2);
      const deleted = await hsrcpay.apiKeys.delete(apiKeyData.id);
      expect(deleted).toEqual({ id: apiKeyData.id, deleted: true });
      expect(deleted.lastResponse.status).toBeGreaterThanOrEqual(200);
      expect(requests()).toHaveLength(1);
    });
  }

  it("a 2xx with an explicit failure envelope (success: false) is not a success", async () => {
    const hsrcpay = await clientFor((res) =>
      sendJson(res, 200, { message: "could not delete", success: false }),
    );
    const error = await rejectionOf(hsrcpay.apiKeys.delete(apiKeyData.id));
    expect(error).toBeInstanceOf(HsrcpayInvalidResponseError);
    // Named by what arrived, never by quoting the server's text.
    expect((error as Error).message).toContain("success: false");
    expect((error as Error).message).not.toContain("could not delete");
    expect((error as HsrcpayInvalidResponseError).bodyBytes).toBe(
      JSON.stringify({ message: "could not delete", success: false }).length,
    );
  });

  it("a 2xx HTML page (a proxy, a captive portal) is not HSRCPAY's answer: invalid, saying what arrived", async () => {
    const hsrcpay = await clientFor((res) => {
      res.writeHead(200, { "content-type": "text/html" });
      res.end("<html>Sign in to the Wi-Fi</html>");
    });
    const error = await rejectionOf(hsrcpay.apiKeys.delete(apiKeyData.id));
    expect(error).toBeInstanceOf(HsrcpayInvalidResponseError);
    expect((error as Error).message).toContain("a body that is not JSON");
    expect((error as Error).message).toContain("text/html");
  });

  it("a first-attempt 404 is still NotFoundError", async () => {
    const hsrcpay = await clientFor((res) => sendJson(res, 404, errorEnvelope(404, "gone")));
    expect(await rejectionOf(hsrcpay.apiKeys.delete(apiKeyData.id))).toBeInstanceOf(NotFoundError);
  });
});
