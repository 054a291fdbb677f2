// Card data and request-side secrets against servers on 127.0.0.1 that echo them back: the PAN and
// the security code go out in a confirm's body and appear nowhere else (errors, their inspect output
// and JSON, log lines at debug, `lastResponse`, `raw`'s failures): the request's own values, and any
// Luhn-valid card number however it is grouped.
// HSRCPAY's security guide: "No PAN/CVV in logs".
import fc from "fast-check";
import { afterEach, describe, expect, it } from "vitest";
import {
  type BadRequestError,
  HsrcpayApiError,
  HsrcpayInvalidResponseError,
} from "../../src/index.js";
import { dashed, expectNoCardData, spaced } from "../helpers/card-data.js";
import {
  type Fault,
  type FaultServer,
  sendRaw,
  startFaultServer,
} from "../helpers/fault-server.js";
import { card, confirmed } from "../helpers/fixtures/payments.js";
import { loggedClient } from "../helpers/logged-client.js";
import { printed } from "../helpers/printed.js";
import { rejectionOf } from "../helpers/rejection.js";

let server: FaultServer | undefined;
afterEach(async () => {
  await server?.close();
  server = undefined;
});

async function clientFor(fault: Fault, maxRetries = 0) {
  server = await startFaultServer(fault);
  return loggedClient(server.baseUrl, { maxRetries });
}

const confirmWith = (data: typeof card & { cvc?: string }) => ({ payment_method: { data } });

const failure = (status: number, message: string, details: string) =>
  `{"message":"${message}","success":false,"error":{"code":${status},"message":"${message}","details":${details}}}`;

describe("a confirm's card data never comes back out of the client", () => {
  const { pan, cvv } = card;
  const echoes: Record<string, Fault> = {
    "in the error envelope's details, under their own names": (res) =>
      sendRaw(res, 422, failure(422, "invalid card", `{"pan":"${pan}","cvv":"${cvv}"}`)),
    "in the error message, in the clear": (res) =>
      sendRaw(res, 402, failure(402, `card ${pan} cvv ${cvv} declined`, "{}")),
    "in details under other names, as numbers": (res) =>
      sendRaw(res, 400, failure(400, "bad", `{"card_number":${pan},"code":${cvv},"n":"${pan}"}`)),
    "grouped with spaces and dashes": (res) =>
      sendRaw(res, 400, failure(400, `card ${spaced(pan)} or ${dashed(pan)}, code ${cvv}`, "{}")),
    "in the request id and other headers": (res) => {
      sendRaw(res, 402, failure(402, "declined", "{}"), {
        "x-request-id": `req_${pan}`,
        "x-card": `${pan};cvv=${cvv}`,
      });
    },
    "in an HTML page from a proxy": (res) => {
      res.writeHead(502, { "content-type": "text/html" });
      res.end(`<html><body>upstream echoed pan=${pan}&cvv=${cvv}</body></html>`);
    },
    "in a body cut before it parses": (res) =>
      sendRaw(res, 500, `{"message":"boom","card":{"pan":"${pan}","cvv":"${cvv}`),
    "in an invalid 2xx (success: false)": (res) =>
      sendRaw(res, 200, `{"message":"refused ${pan} ${cvv}","success":false}`),
  };

  for (const [where, echo] of Object.entries(echoes)) {
    it(where, async () => {
      const { hsrcpay, log } = await clientFor(echo);
      const error = await rejectionOf(hsrcpay.payments.confirm("pay_1", confirmWith(card)));
      expect(error instanceof HsrcpayApiError || error instanceof HsrcpayInvalidResponseError).toBe(
        true,
      );
      expectNoCardData(printed(error), pan, cvv);
      expectNoCardData(log.text(), pan, cvv);
      // What went out is the card data itself: the masking is of what comes back.
      expect(JSON.parse(server?.requests[0]?.body ?? "")).toEqual(confirmWith(card));
    });
  }

  it("names the masked place: a message keeps its words, the card data is [redacted]", async () => {
    const { hsrcpay } = await clientFor((res) =>
      sendRaw(res, 400, failure(400, `card ${pan} cvv ${cvv} declined`, `{"pan":"${pan}"}`)),
    );
    const error = (await rejectionOf(
      hsrcpay.payments.confirm("pay_1", confirmWith(card)),
    )) as BadRequestError;
    expect(error.message).toContain("card [redacted] cvv [redacted] declined");
    expect(error.details).toEqual({ pan: "[redacted]" });
  });

  it("a short code stands masked only on its own: inside a longer number it is left alone", async () => {
    const { hsrcpay } = await clientFor((res) =>
      sendRaw(res, 400, failure(400, `order 19870 amount ${cvv}00 code ${cvv}`, "{}")),
    );
    const error = (await rejectionOf(
      hsrcpay.payments.confirm("pay_1", confirmWith(card)),
    )) as BadRequestError;
    expect(error.message).toContain(`order 19870 amount ${cvv}00 code [redacted]`);
  });

  it("a success that echoes the card in a header or its request id: lastResponse shows neither", async () => {
    const { hsrcpay, log } = await clientFor((res) =>
      sendRaw(
        res,
        200,
        JSON.stringify({
          message: "success",
          success: true,
          data: confirmed("SUCCEEDED", { ok: true, latestResult: { kind: "success" } }),
        }),
        { "x-request-id": `req-${pan}`, "x-debug": `cvv ${cvv}` },
      ),
    );
    const { lastResponse, payment } = await hsrcpay.payments.confirm("pay_1", confirmWith(card));
    expect(payment.status).toBe("SUCCEEDED");
    const shown = `${lastResponse.requestId}\n${[...lastResponse.headers].join("\n")}`;
    expectNoCardData(shown, pan, cvv);
    expectNoCardData(log.text(), pan, cvv);
  });

  it("on every retried attempt: the retry log lines and the final error show none", async () => {
    const { hsrcpay, log } = await clientFor((res, index) => {
      sendRaw(res, index < 2 ? 503 : 400, failure(503, `try again ${pan} ${cvv}`, "{}"), {
        "retry-after": "0",
        "x-request-id": `req ${pan} ${cvv}`,
      });
    }, 2);
    const error = await rejectionOf(hsrcpay.payments.confirm("pay_1", confirmWith(card)));
    expect(server?.requests).toHaveLength(3);
    expect(error).toHaveProperty("requestId", "req [redacted] [redacted]");
    expectNoCardData(printed(error), pan, cvv);
    expectNoCardData(log.text(), pan, cvv);
  });

  it("raw: a confirm's failure body and headers come back masked", async () => {
    const { hsrcpay } = await clientFor((res) =>
      sendRaw(res, 422, failure(422, `bad ${pan}`, `{"again":"${cvv}"}`), {
        "x-echo": pan,
        "x-request-id": `req ${pan}`,
      }),
    );
    const { error, response } = await hsrcpay.raw.POST("/payments/{id}/confirm", {
      params: { path: { id: "pay_1" } },
      body: confirmWith(card),
    });
    expect(response.status).toBe(422);
    expect(error).toEqual({
      success: false,
      message: "bad [redacted]",
      error: { code: 422, message: "bad [redacted]", details: { again: "[redacted]" } },
    });
    expect(response.headers.get("x-echo")).toBeNull();
    expect(response.headers.get("x-request-id")).toBe("req [redacted]");
    expectNoCardData(JSON.stringify(error), pan, cvv);
    expectNoCardData([...response.headers].join("\n"), pan, cvv);
  });

  it("grouped by percent-encoded separators (%20, %2D, %0A): masked whole in the error and the log", async () => {
    const shown: [boolean, unknown, unknown, boolean][] = [];
    for (const percent of ["%20", "%2D", "%0A"]) {
      const grouped = pan.replace(/(\d{4})(?=\d)/g, `$1${percent}`);
      const { hsrcpay, log } = await clientFor((res) =>
        sendRaw(res, 400, failure(400, `card ${grouped} declined`, `{"n":"${grouped}"}`), {
          "x-request-id": `req ${grouped}`,
        }),
      );
      const error = (await rejectionOf(
        hsrcpay.payments.confirm("pay_1", confirmWith(card)),
      )) as BadRequestError;
      shown.push([
        error.message.includes("card [redacted] declined"),
        error.details?.n,
        error.requestId,
        log.text().includes('"message":"card [redacted] declined","success":false'),
      ]);
      await server?.close();
      server = undefined;
    }
    // All three at once, so that a failure shows which separators leave digits in the clear.
    expect(shown).toEqual(Array(3).fill([true, "[redacted]", "req [redacted]", true]));
  });

  it("any card number and code the request sent, echoed anywhere in a failure, in any grouping", async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.stringMatching(/^[1-9][0-9]{10,17}$/).map(withCheckDigit),
        // Not one of the statuses: the client prints the status it got, which is not an echo.
        fc
          .stringMatching(/^[1-9][0-9]{2,3}$/)
          .filter((code) => ![400, 402, 409, 422, 500].includes(Number(code))),
        fc.constantFrom(" ", "-", ".", "+", "/", "_", ":", ""),
        fc.constantFrom(400, 402, 409, 422, 500),
        async (number, code, separator, status) => {
          const grouped = number.replace(/(\d{4})(?=\d)/g, `$1${separator}`);
          const { hsrcpay, log } = await clientFor((res) =>
            sendRaw(
              res,
              status,
              failure(status, `pan ${grouped} code ${code}`, `{"n":"${grouped}","c":"${code}"}`),
              { "x-request-id": `${grouped} ${code}` },
            ),
          );
          try {
            const error = await rejectionOf(
              hsrcpay.payments.confirm("pay_1", confirmWith({ ...card, pan: number, cvc: code })),
            );
            expect(error).toHaveProperty("status", status);
            expect((error as BadRequestError).message).toContain("code [redacted]");
            for (const text of [printed(error), log.text()]) {
              expect(text).not.toContain(grouped);
              expectNoCardData(text, number, code);
            }
          } finally {
            await server?.close();
            server = undefined;
          }
        },
      ),
      { numRuns: 25 },
    );
  });
});

/** `digits` with the Luhn check digit appended: a number any card scanner takes for a card. */
function withCheckDigit(digits: string): string {
  let sum = 0;
  for (let index = 0; index < digits.length; index++) {
    const value = Number(digits[digits.length - 1 - index]);
    sum += index % 2 === 0 ? (value * 2 > 9 ? value * 2 - 9 : value * 2) : value;
  }
  return `${digits}${(10 - (sum % 10)) % 10}`;
}

describe("a webhook secret the caller sends is masked like a key", () => {
  const secret = "whsec_mine_4Kf7Hg2Jd9Lm5Np1";

  it("echoed in plain text of a failure (not JSON, not key-shaped), in a header too", async () => {
    const { hsrcpay, log } = await clientFor((res) => {
      res.writeHead(400, { "content-type": "text/plain", "x-echo": secret });
      res.end(`secret ${secret} is too weak`);
    });
    const error = await rejectionOf(
      hsrcpay.webhooks.create({
        endpoint: "https://shop.example/hooks",
        enabled_events: ["payment.succeeded"],
        secret,
      }),
    );
    expect(printed(error)).not.toContain(secret);
    expect(log.text()).not.toContain(secret);
  });
});
