// A checkout session's token travels in the confirm's PATH (`/checkout-sessions/token/{token}/confirm`)
// and the card in its body: against a server on 127.0.0.1 that echoes both back (the URL it was
// asked for, in the body, the headers, a redirect's Location and the status line), neither appears
// in an error, its stack or inspect output, `lastResponse`, `raw`'s answer or a log line at debug.
// The token is a credential: whoever holds it can pay the session.
import type { IncomingMessage, ServerResponse } from "node:http";
import { afterEach, describe, expect, it } from "vitest";
import { HsrcpayError } from "../../src/index.js";
import { expectNoCardData } from "../helpers/card-data.js";
import { type FaultServer, startFaultServer } from "../helpers/fault-server.js";
import { card } from "../helpers/fixtures/payments.js";
import { loggedClient } from "../helpers/logged-client.js";
import { printed } from "../helpers/printed.js";
import { rejectionOf } from "../helpers/rejection.js";

// Two tokens: a plain one, and one whose path form is percent-encoded (`/` and `+` in base64).
const plain = "cst_9Qw2Er5Ty8Ui1Op4As7Df0Gh3Jk";
const encodedToo = "cst_Zx8+Yw7/Vu6=Ts5Rq4Po3";

let server: FaultServer | undefined;
afterEach(async () => {
  await server?.close();
  server = undefined;
});

/** Every spelling of the token a server may echo: as given, as the URL carried it, decoded again. */
function expectNoToken(text: string, token: string): void {
  for (const form of new Set([token, encodeURIComponent(token), encodeURI(token)])) {
    expect(text).not.toContain(form);
  }
}

const session = {
  object: "checkout_session",
  id: "cs_5Tg8Hj1Kl4Zx7Cv0",
  account_id: "acct_1PqR7sT2uV3wX4yZ",
  payment_link_id: null,
  business_logo_url: null,
  business_name: "Acme Store",
  customer_input_preset: null,
  status: "COMPLETED",
  currency: "USD",
  amount_mode: "FIXED",
  fixed_amount: "125.00",
  customer_input_min: null,
  customer_input_max: null,
  customer_entered_amount: null,
  final_amount: "125.00",
  collect_address: "NONE",
  collect_name: false,
  collect_phone: false,
  after_completion_type: "HOSTED_PAGE",
  after_completion_url: null,
  after_completion_message: null,
  custom_fields_schema: [],
  custom_fields_values: {},
  payer_name: null,
  payer_email: null,
  payer_phone: null,
  payer_ip_address: null,
  payer_user_agent: null,
  payer_locale: null,
  billing_address: null,
};

/** What the server echoes: the URL it was asked for (the token as the path carried it) and the card. */
function echoOf(req: IncomingMessage): string {
  const url = req.url ?? "";
  const token = decodeURIComponent(url.split("/token/")[1]?.split("/")[0] ?? "");
  return `${url} ${token} pan ${card.pan} cvv ${card.cvv}`;
}

const failure = (status: number, message: string, details: unknown) =>
  JSON.stringify({
    message,
    success: false,
    error: { code: status, message, details },
  });

type Echo = (res: ServerResponse, echo: string) => void;

const echoes: Record<string, Echo> = {
  "in the error envelope's message and details": (res, echo) => {
    res.writeHead(422, { "content-type": "application/json" });
    res.end(failure(422, `cannot confirm ${echo}`, { url: echo, token: echo.split(" ")[1] }));
  },
  "in the request id, other headers and the status line": (res, echo) => {
    res.writeHead(404, `Not Found ${echo}`, {
      "content-type": "application/json",
      "x-request-id": `req ${echo}`,
      "x-echo": echo,
    });
    res.end(failure(404, "Checkout session not found", {}));
  },
  "in a redirect's Location": (res, echo) => {
    res.writeHead(307, {
      location: `https://pay.example/${encodeURIComponent(echo)}?back=${encodeURIComponent(echo)}`,
      "x-request-id": `req ${echo}`,
    });
    res.end();
  },
  "in an HTML page from a proxy": (res, echo) => {
    res.writeHead(502, { "content-type": "text/html" });
    res.end(`<html><body>upstream could not serve ${echo}</body></html>`);
  },
  "in an invalid 2xx (success: false)": (res, echo) => {
    res.writeHead(200, { "content-type": "application/json", "x-request-id": `req ${echo}` });
    res.end(JSON.stringify({ message: `refused ${echo}`, success: false }));
  },
};

async function clientEchoing(echo: Echo) {
  server = await startFaultServer((res, _index, req) => echo(res, echoOf(req)));
  return loggedClient(server.baseUrl);
}

describe("a checkout session's token (in the path) and card (in the body) never come back out", () => {
  for (const token of [plain, encodedToo]) {
    for (const [where, echo] of Object.entries(echoes)) {
      it(`${where}${token === plain ? "" : ", the token percent-encoded in the path"}`, async () => {
        const { hsrcpay, log } = await clientEchoing(echo);
        const error = await rejectionOf(
          hsrcpay.checkoutSessions.confirm(token, { payment_method: { data: card } }),
        );
        expect(error).toBeInstanceOf(HsrcpayError);
        // The server did get both: what is masked is what comes back.
        const seen = server?.requests[0];
        expect(seen?.url).toBe(`/v1/checkout-sessions/token/${encodeURIComponent(token)}/confirm`);
        expect(JSON.parse(seen?.body ?? "")).toEqual({ payment_method: { data: card } });
        for (const text of [printed(error), log.text()]) {
          expectNoToken(text, token);
          expectNoCardData(text);
        }
        // At debug every attempt is logged: the path it names has the token masked.
        expect(log.text()).toContain("/checkout-sessions/token/[redacted]/confirm");
      });
    }
  }

  it("a success that echoes them in its headers: lastResponse shows neither, the data is the session", async () => {
    const { hsrcpay, log } = await clientEchoing((res, echo) => {
      res.writeHead(200, {
        "content-type": "application/json",
        "x-request-id": `req ${echo}`,
        "x-ratelimit-remaining": echo,
      });
      res.end(JSON.stringify({ message: `success ${echo}`, success: true, data: session }));
    });
    const confirmed = await hsrcpay.checkoutSessions.confirm(plain, {
      payment_method: { data: card },
    });
    expect(confirmed.status).toBe("COMPLETED");
    const { lastResponse } = confirmed;
    expect(lastResponse.requestId).toContain("[redacted]");
    const shown = [
      lastResponse.message,
      lastResponse.requestId,
      ...[...lastResponse.headers].map(([name, value]) => `${name}: ${value}`),
    ].join("\n");
    for (const text of [shown, log.text()]) {
      expectNoToken(text, plain);
      expectNoCardData(text);
    }
  });

  it("a create hands the token back in its data only: lastResponse and the log mask it", async () => {
    const { hsrcpay, log } = await clientEchoing((res) => {
      res.writeHead(201, { "content-type": "application/json", "x-request-id": `req ${plain}` });
      res.end(
        JSON.stringify({ message: "success", success: true, data: { ...session, token: plain } }),
      );
    });
    const created = await hsrcpay.checkoutSessions.create({ currency: "USD" });
    expect(created.token).toBe(plain);
    expect(created.lastResponse.requestId).toBe("req [redacted]");
    expectNoToken(log.text(), plain);
  });

  it("a connection that drops: the error and the log name the path with the token masked", async () => {
    server = await startFaultServer((res) => res.socket?.destroy());
    const { hsrcpay, log } = loggedClient(server.baseUrl);
    const error = await rejectionOf(
      hsrcpay.checkoutSessions.confirm(encodedToo, { payment_method: { data: card } }),
    );
    expect(error).toBeInstanceOf(HsrcpayError);
    for (const text of [printed(error), log.text()]) {
      expectNoToken(text, encodedToo);
      expectNoCardData(text);
    }
  });

  for (const token of [plain, encodedToo]) {
    it(`raw: the same path through openapi-fetch masks the token from the URL${token === plain ? "" : " (percent-encoded)"}`, async () => {
      const { hsrcpay, log } = await clientEchoing(
        echoes["in the request id, other headers and the status line"] as Echo,
      );
      const { error, response } = await hsrcpay.raw.POST(
        "/checkout-sessions/token/{token}/confirm",
        {
          params: { path: { token } },
          body: { payment_method: { data: card } },
        },
      );
      expect(response.status).toBe(404);
      expect(server?.requests[0]?.url).toContain(encodeURIComponent(token));
      const shown = [JSON.stringify(error), ...[...response.headers].join("\n")].join("\n");
      for (const text of [shown, log.text()]) {
        expectNoToken(text, token);
        expectNoCardData(text);
      }
      expect(response.headers.get("x-request-id")).toContain("[redacted]");
      expect(log.text()).toContain("/checkout-sessions/token/[redacted]/confirm");
    });
  }

  it("raw: a redirect's error names the path with the token masked", async () => {
    const { hsrcpay } = await clientEchoing(echoes["in a redirect's Location"] as Echo);
    const error = await rejectionOf(
      hsrcpay.raw.POST("/checkout-sessions/token/{token}/confirm", {
        params: { path: { token: plain } },
        body: { payment_method: { data: card } },
      }),
    );
    expect(error).toBeInstanceOf(HsrcpayError);
    expect((error as Error).message).toContain("/checkout-sessions/token/[redacted]/confirm");
    expectNoToken(printed(error), plain);
    expectNoCardData(printed(error));
  });
});
