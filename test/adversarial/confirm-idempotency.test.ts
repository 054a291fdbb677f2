// A confirm moves money: against a server on 127.0.0.1 that charges once per Idempotency-Key (as
// HSRCPAY's guide asks clients to rely on), a confirm whose answer is lost, late or a 5xx is retried
// with the same key, and the server records exactly one charge. What the client cannot promise (a
// server that ignores the key) is the README's to say, not a test's.
import type { ServerResponse } from "node:http";
import { afterEach, describe, expect, it } from "vitest";
import {
  createHsrcpayClient,
  HsrcpayConnectionError,
  HsrcpayTimeoutError,
} from "../../src/index.js";
import { type FaultServer, sendJson, startFaultServer } from "../helpers/fault-server.js";
import { card, confirmed } from "../helpers/fixtures/payments.js";
import { token } from "../helpers/fixtures.js";

let server: FaultServer | undefined;
afterEach(async () => {
  await server?.close();
  server = undefined;
});

type Misstep = "lost" | "late" | "503" | "none";

/** An idempotent confirm endpoint: one charge per key; the first answer goes wrong as told. */
async function idempotentServer(missteps: Misstep[]) {
  const charges = new Map<string, number>();
  const success = {
    message: "success",
    success: true,
    data: confirmed("SUCCEEDED", { ok: true, latestResult: { kind: "success" } }),
  };
  server = await startFaultServer((res: ServerResponse, index, req) => {
    const key = String(req.headers["idempotency-key"]);
    if (!charges.has(key)) charges.set(key, charges.size + 1);
    const misstep = missteps[index] ?? "none";
    if (misstep === "lost") return res.socket?.destroy();
    if (misstep === "503") {
      return sendJson(res, 503, {
        message: "busy",
        success: false,
        error: { code: 503, message: "busy", details: {} },
      });
    }
    if (misstep === "late") return void setTimeout(() => sendJson(res, 200, success), 400);
    sendJson(res, 200, success);
  });
  return { charges, server };
}

const confirmCard = { payment_method: { data: card } };

describe("one confirm, one charge", () => {
  for (const missteps of [["lost"], ["late"], ["503"], ["lost", "503", "late"]] as Misstep[][]) {
    it(`answers ${missteps.join(", then ")}, then success: same key each time, one charge`, async () => {
      const { charges, server: local } = await idempotentServer(missteps);
      const hsrcpay = createHsrcpayClient({
        token,
        baseUrl: local.baseUrl,
        maxRetries: 3,
        timeout: 200,
      });
      const { payment, lastResponse } = await hsrcpay.payments.confirm("pay_1", confirmCard);
      expect(payment.status).toBe("SUCCEEDED");
      expect(local.requests).toHaveLength(missteps.length + 1);
      const keys = new Set(local.requests.map((request) => request.headers["idempotency-key"]));
      expect(keys.size).toBe(1);
      expect([...keys][0]).toBe(lastResponse.idempotencyKey);
      expect(charges.size).toBe(1);
    });
  }

  it("a lost answer with no key of the caller's: the connection error names the key the client made", async () => {
    const { charges, server: local } = await idempotentServer(["lost", "lost"]);
    const hsrcpay = createHsrcpayClient({ token, baseUrl: local.baseUrl, maxRetries: 1 });
    const error = await hsrcpay.payments
      .confirm("pay_1", confirmCard)
      .catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(HsrcpayConnectionError);
    const { idempotencyKey } = error as HsrcpayConnectionError;
    expect(idempotencyKey).toBe(local.requests[0]?.headers["idempotency-key"]);
    const { payment } = await hsrcpay.payments.confirm("pay_1", confirmCard, { idempotencyKey });
    expect(payment.status).toBe("SUCCEEDED");
    expect(charges.size).toBe(1);
  });

  it("a read that times out has no key to name", async () => {
    server = await startFaultServer(() => {});
    const hsrcpay = createHsrcpayClient({
      token,
      baseUrl: server.baseUrl,
      maxRetries: 0,
      timeout: 50,
    });
    const error = await hsrcpay.payments.retrieve("pay_1").catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(HsrcpayTimeoutError);
    expect((error as HsrcpayTimeoutError).idempotencyKey).toBeUndefined();
  });

  it("two confirms are two writes: each its own key (the caller's key makes them one)", async () => {
    const { charges, server: local } = await idempotentServer([]);
    const hsrcpay = createHsrcpayClient({ token, baseUrl: local.baseUrl });
    await hsrcpay.payments.confirm("pay_1", confirmCard);
    await hsrcpay.payments.confirm("pay_1", confirmCard);
    expect(charges.size).toBe(2);
    await hsrcpay.payments.confirm("pay_1", confirmCard, { idempotencyKey: "order-1042" });
    await hsrcpay.payments.confirm("pay_1", confirmCard, { idempotencyKey: "order-1042" });
    expect(charges.size).toBe(3);
  });

  it("out of retries on a late answer: a timeout error that names the key to read the result with", async () => {
    const { charges, server: local } = await idempotentServer(["late", "late"]);
    const hsrcpay = createHsrcpayClient({
      token,
      baseUrl: local.baseUrl,
      maxRetries: 1,
      timeout: 100,
    });
    const error = await hsrcpay.payments
      .confirm("pay_1", confirmCard, { idempotencyKey: "order-7" })
      .catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(HsrcpayTimeoutError);
    expect((error as HsrcpayTimeoutError).idempotencyKey).toBe("order-7");
    expect(charges.size).toBe(1);
    // The README's advice: send the same confirm with the same key to read what happened.
    const { payment } = await hsrcpay.payments.confirm("pay_1", confirmCard, {
      idempotencyKey: "order-7",
      timeout: 2_000,
    });
    expect(payment.status).toBe("SUCCEEDED");
    expect(charges.size).toBe(1);
  });
});
