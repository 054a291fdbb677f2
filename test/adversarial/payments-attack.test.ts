// The attacker's review of payments (#21), beyond card-data.test.ts and confirm-idempotency.test.ts:
// a hostile server on 127.0.0.1 trying to get the card data, or the token, back out of the client,
// or a confirm resolving to data its type says it cannot be. Each failed on the first payments
// commit (888939b).
import { afterEach, describe, expect, it } from "vitest";
import { HsrcpayInvalidResponseError } from "../../src/index.js";
import { expectNoCardData } from "../helpers/card-data.js";
import {
  type FaultServer,
  type RawServer,
  sendRaw,
  startFaultServer,
  startRawServer,
} from "../helpers/fault-server.js";
import { card, confirmed } from "../helpers/fixtures/payments.js";
import { token } from "../helpers/fixtures.js";
import { loggedClient } from "../helpers/logged-client.js";
import { printed } from "../helpers/printed.js";
import { rejectionOf } from "../helpers/rejection.js";

let server: FaultServer | undefined;
let rawServer: RawServer | undefined;
afterEach(async () => {
  await server?.close();
  await rawServer?.close();
  server = undefined;
  rawServer = undefined;
});

const { pan, cvv } = card;
const confirmWith = (data: typeof card) => ({ payment_method: { data } });
const failure = (status: number, message: string, details = "{}") =>
  `{"message":"${message}","success":false,"error":{"code":${status},"message":"${message}","details":${details}}}`;
const success = (data: unknown) => JSON.stringify({ message: "success", success: true, data });

describe("card data (and the token) a hostile server tries to get back out of the client", () => {
  it("a malformed answer: the connection error's cause is a redacted copy, not undici's parser error with its raw bytes", async () => {
    // An invalid header name after which the server echoes the card and the Authorization header.
    rawServer = await startRawServer(
      `HTTP/1.1 400 Bad\r\nx-ok: 1\r\nx-bad\u0001: ${pan} cvv ${cvv} Bearer ${token}\r\nContent-Length: 0\r\n\r\n`,
    );
    const { hsrcpay, log } = loggedClient(rawServer.baseUrl);
    const error = await rejectionOf(hsrcpay.payments.confirm("pay_1", confirmWith(card)));
    expect((error as Error).name).toBe("HsrcpayConnectionError");
    expectNoCardData(log.text());
    expectNoCardData(printed(error));
    expect(printed(error)).not.toContain(token);
  });

  it("a failure header whose name holds the card number: renamed in error.headers and inspect output", async () => {
    server = await startFaultServer((res) =>
      sendRaw(res, 400, failure(400, "bad card"), { [`x-card-${pan}`]: "1" }),
    );
    const { hsrcpay } = loggedClient(server.baseUrl);
    const error = await rejectionOf(hsrcpay.payments.confirm("pay_1", confirmWith(card)));
    expectNoCardData(printed(error));
  });

  it("a success header whose name holds the card number: renamed in lastResponse.headers", async () => {
    server = await startFaultServer((res) =>
      sendRaw(
        res,
        200,
        success(confirmed("SUCCEEDED", { ok: true, latestResult: { kind: "success" } })),
        {
          [`x-card-${pan}`]: "1",
        },
      ),
    );
    const { hsrcpay } = loggedClient(server.baseUrl);
    const { lastResponse } = await hsrcpay.payments.confirm("pay_1", confirmWith(card));
    expectNoCardData([...lastResponse.headers].join("\n"));
  });

  it("a non-envelope body grouping the card by tabs, newlines or two spaces: masked in the snippet and log", async () => {
    const group = (separator: string) => pan.replace(/(\d{4})(?=\d)/g, `$1${separator}`);
    server = await startFaultServer((res) => {
      res.writeHead(502, { "content-type": "text/plain" });
      res.end(`card ${group("\t")} / ${group("\n")} / ${group("  ")}`);
    });
    const { hsrcpay, log } = loggedClient(server.baseUrl);
    const error = await rejectionOf(hsrcpay.payments.confirm("pay_1", confirmWith(card)));
    expectNoCardData(printed(error));
    expectNoCardData(log.text());
  });

  it("a 19-digit card number echoed as a JSON number (rounded by JSON.parse): masked in details", async () => {
    const long = "6212345678901234567"; // parses to 6212345678901235000
    server = await startFaultServer((res) =>
      sendRaw(res, 422, failure(422, "invalid card", `{"card_number":${long}}`)),
    );
    const { hsrcpay } = loggedClient(server.baseUrl);
    const error = await rejectionOf(
      hsrcpay.payments.confirm("pay_1", confirmWith({ ...card, pan: long })),
    );
    expect(printed(error)).not.toContain(long.slice(0, 15));
  });

  it("raw: a failure body cut at the 64 KiB cap inside the card number: its start is masked", async () => {
    const head = `{"message":"bad","success":false,"pad":"`;
    const fill = "a".repeat(65_536 - 15 - head.length - 1);
    server = await startFaultServer((res) => sendRaw(res, 400, `${head}${fill} ${pan} ${cvv}"}`));
    const { hsrcpay } = loggedClient(server.baseUrl);
    const { error, response } = await hsrcpay.raw.POST("/payments/{id}/confirm", {
      params: { path: { id: "pay_1" } },
      body: confirmWith(card) as never,
    });
    expect(response.status).toBe(400);
    const shown = typeof error === "string" ? error : JSON.stringify(error);
    expect(shown).not.toContain(pan.slice(0, 15));
  });

  it("a security code glued to its label (`cvv987`, `CVC987`): masked", async () => {
    server = await startFaultServer((res) =>
      sendRaw(res, 402, failure(402, `declined: cvv${cvv} does not match (CVC${cvv})`)),
    );
    const { hsrcpay, log } = loggedClient(server.baseUrl);
    const error = await rejectionOf(hsrcpay.payments.confirm("pay_1", confirmWith(card)));
    expectNoCardData(printed(error));
    expectNoCardData(log.text());
  });
});

describe("a confirm's answer that is not what its type says is an invalid response", () => {
  const answers: [string, Record<string, unknown>][] = [
    [
      "paymentNextAction a string (the checkout's `paymentNextAction.url` would be undefined)",
      {
        ok: true,
        latestResult: { kind: "requires_action" },
        paymentNextAction: "https://x.example",
      },
    ],
    [
      "paymentNextAction without its required url",
      {
        ok: true,
        latestResult: { kind: "requires_action" },
        paymentNextAction: { action: "redirect_user_to_url" },
      },
    ],
    ["latestResult without its required kind", { ok: true, latestResult: {} }],
  ];
  it.each(answers)("%s: an HsrcpayInvalidResponseError", async (_, confirmResult) => {
    server = await startFaultServer((res) =>
      sendRaw(res, 200, success(confirmed("REQUIRES_ACTION", confirmResult))),
    );
    const { hsrcpay } = loggedClient(server.baseUrl);
    const error = await rejectionOf(hsrcpay.payments.confirm("pay_1", confirmWith(card)));
    expect(error).toBeInstanceOf(HsrcpayInvalidResponseError);
  });
});

describe("masking a short code never changes what the client reads", () => {
  it("a surfaced 429 whose Retry-After equals the security code keeps retryAfter", async () => {
    server = await startFaultServer((res) =>
      sendRaw(res, 429, failure(429, "slow down"), { "retry-after": "120" }),
    );
    const { hsrcpay } = loggedClient(server.baseUrl);
    const error = (await rejectionOf(
      hsrcpay.payments.confirm("pay_1", confirmWith({ ...card, cvv: "120" })),
    )) as { name: string; retryAfter?: number };
    expect(error.name).toBe("RateLimitError");
    expect(error.retryAfter).toBe(120_000);
  });
});
