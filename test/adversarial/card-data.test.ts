// Card data and request-side secrets against servers on 127.0.0.1 that echo them back: the PAN and
// the security code go out in a confirm's body and appear nowhere else (errors, their inspect output
// and JSON, log lines at debug, `lastResponse`, `raw`'s failures), in any spelling a server may use.
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
import { jsonEscaped, loggedClient } from "../helpers/logged-client.js";
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
    "\\u-escaped in the message": (res) =>
      sendRaw(res, 400, failure(400, `card ${jsonEscaped(pan)} / ${jsonEscaped(cvv)}`, "{}")),
    "grouped with spaces and dashes": (res) =>
      sendRaw(res, 400, failure(400, `card ${spaced(pan)} or ${dashed(pan)}, code ${cvv}`, "{}")),
    "in headers, the request id and the status text": (res) => {
      res.statusMessage = `Declined ${pan}`;
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
      res.statusMessage = `busy ${pan}`;
      sendRaw(res, index < 2 ? 503 : 400, failure(503, `try again ${pan} ${cvv}`, "{}"), {
        "retry-after": "0",
        "x-echo": pan,
      });
    }, 2);
    const error = await rejectionOf(hsrcpay.payments.confirm("pay_1", confirmWith(card)));
    expect(server?.requests).toHaveLength(3);
    expectNoCardData(printed(error), pan, cvv);
    expectNoCardData(log.text(), pan, cvv);
  });

  it("raw: a confirm's failure body and headers come back masked", async () => {
    const { hsrcpay } = await clientFor((res) =>
      sendRaw(res, 422, failure(422, `bad ${pan}`, `{"again":"${cvv}"}`), { "x-echo": pan }),
    );
    const { error, response } = await hsrcpay.raw.POST("/payments/{id}/confirm", {
      params: { path: { id: "pay_1" } },
      body: confirmWith(card),
    });
    expect(response.status).toBe(422);
    expectNoCardData(JSON.stringify(error), pan, cvv);
    expectNoCardData([...response.headers].join("\n"), pan, cvv);
  });

  it("any card number and code, echoed anywhere in a failure, in any spelling", async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.stringMatching(/^[1-9][0-9]{11,18}$/),
        // Not one of the statuses: the client prints the status it got, which is not an echo.
        fc
          .stringMatching(/^[1-9][0-9]{2,3}$/)
          .filter((code) => ![400, 402, 409, 422, 500].includes(Number(code))),
        fc.constantFrom("clear", "escaped", "spaced"),
        fc.constantFrom(400, 402, 409, 422, 500),
        async (number, code, spelling, status) => {
          const spell = (value: string) =>
            spelling === "escaped"
              ? jsonEscaped(value)
              : spelling === "spaced"
                ? spaced(value)
                : value;
          const { hsrcpay, log } = await clientFor((res) =>
            sendRaw(
              res,
              status,
              failure(status, `pan ${spell(number)} code ${spell(code)}`, "{}"),
              {
                "x-echo": `${number} ${code}`,
              },
            ),
          );
          const error = await rejectionOf(
            hsrcpay.payments.confirm("pay_1", confirmWith({ ...card, pan: number, cvc: code })),
          );
          expectNoCardData(printed(error), number, code);
          expectNoCardData(log.text(), number, code);
          await server?.close();
          server = undefined;
        },
      ),
      { numRuns: 25 },
    );
  });
});

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
