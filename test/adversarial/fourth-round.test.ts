// What an attacker's review of the #31 operations found, each against a real server on 127.0.0.1:
// a card cut at the edge of a debug line's preview, secrets that lower-case longer (`İ`), a token
// too short to be told from a word, `raw` sending a secret path with another method, and a delete
// whose data says it was not deleted.
import { afterEach, describe, expect, it } from "vitest";
import { HsrcpayInvalidResponseError, HsrcpayValidationError } from "../../src/index.js";
import { type FaultServer, sendJson, startFaultServer } from "../helpers/fault-server.js";
import { loggedClient } from "../helpers/logged-client.js";
import { printed } from "../helpers/printed.js";
import { rejectionOf } from "../helpers/rejection.js";

let server: FaultServer | undefined;
afterEach(async () => {
  await server?.close();
  server = undefined;
});

const card = { pan: "4111111111111111", month: "12", year: "30", cvv: "123" };
const confirmParams = { payment_method: { type: null, data: card } };
const token = "cst_9Qw2Er5Ty8Ui1Op4As7Df0Gh3Jk";

describe("the fourth hostile-server round", () => {
  it("a card placed at the edge of the debug preview's window never shows, not even 15 digits", async () => {
    for (const offset of [784, 785, 786, 787, 790, 800]) {
      server = await startFaultServer((res) => {
        res.writeHead(500, { "content-type": "text/plain" });
        res.end(`${" ".repeat(offset)}${card.pan} and more`);
      });
      const { hsrcpay, log } = loggedClient(server.baseUrl);
      await rejectionOf(hsrcpay.checkoutSessions.confirm(token, confirmParams));
      expect(log.text(), `offset ${offset}`).not.toMatch(/41111111111/);
      await server.close();
      server = undefined;
    }
  });

  it("a secret holding a letter that lower-cases longer (İ) is masked as sent and upper-cased", async () => {
    const password = "İstanbul-2024pw";
    server = await startFaultServer((res) =>
      sendJson(res, 422, {
        message: `bad password ${password} ${password.toUpperCase()}`,
        success: false,
        error: { code: 422, message: `password ${password}`, details: { echo: password } },
      }),
    );
    const { hsrcpay, log } = loggedClient(server.baseUrl);
    const error = await rejectionOf(
      hsrcpay.paymentProviderConfigs.create({
        account_id: "acct_1",
        provider_identifier: "stripe",
        credentials: { password },
      } as never),
    );
    expect(printed(error)).not.toContain("stanbul-2024");
    expect(log.text()).not.toContain("stanbul-2024");
  });

  it("a checkout or link token too short to mask is refused before anything is sent", async () => {
    server = await startFaultServer((res) => sendJson(res, 200, {}));
    const { hsrcpay } = loggedClient(server.baseUrl);
    for (const short of ["a-b-c", "t.k", "ab", "tok/1"]) {
      const confirm = await rejectionOf(hsrcpay.checkoutSessions.confirm(short, confirmParams));
      expect(confirm).toBeInstanceOf(HsrcpayValidationError);
      expect((confirm as HsrcpayValidationError).field).toBe("token");
      expect(printed(confirm)).not.toContain(short);
      const consume = await rejectionOf(hsrcpay.oneTimeLinks.consume(short));
      expect(consume).toBeInstanceOf(HsrcpayValidationError);
    }
    expect(server.requests).toHaveLength(0);
  });

  it("raw sending a secret path with another method or a trailing slash still blanks the token", async () => {
    server = await startFaultServer((res, _index, req) =>
      sendJson(
        res,
        404,
        {
          message: "not found",
          success: false,
          error: { code: 404, message: "not found", details: {} },
        },
        { "x-request-id": "req_1", location: String(req.url) },
      ),
    );
    const { hsrcpay, log } = loggedClient(server.baseUrl);
    const raw = hsrcpay.raw as unknown as Record<
      string,
      (path: string, init: unknown) => Promise<unknown>
    >;
    await raw.GET?.("/checkout-sessions/token/{token}/confirm", { params: { path: { token } } });
    await raw.DELETE?.("/one-time-links/{token}", { params: { path: { token } } });
    expect(server.requests).toHaveLength(2);
    expect(log.text()).toContain("/checkout-sessions/token/[redacted]/confirm");
    expect(log.text()).not.toContain(token);
  });

  it("a delete whose data says it was not deleted is an invalid response, never { deleted: true }", async () => {
    for (const data of [{ deleted: false }, { deleted: "no" }, { deleted: null }]) {
      server = await startFaultServer((res) =>
        sendJson(res, 200, { message: "ok", success: true, data }),
      );
      const { hsrcpay } = loggedClient(server.baseUrl);
      const error = await rejectionOf(hsrcpay.paymentProviderConfigs.fees.delete("ppc_1", "fee_1"));
      expect(error, JSON.stringify(data)).toBeInstanceOf(HsrcpayInvalidResponseError);
      await server.close();
      server = undefined;
    }
  });
});
